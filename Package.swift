// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Siloscope",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "siloscope", targets: ["siloscope"]),
        .library(name: "NetworkCore", targets: ["NetworkCore"]),
        .library(name: "NetworkAlgorithms", targets: ["NetworkAlgorithms"]),
        .library(name: "Bibliometrics", targets: ["Bibliometrics"]),
        .library(name: "GraphvizRendering", targets: ["GraphvizRendering"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "NetworkCore",
            dependencies: [.product(name: "CSV", package: "CSV.swift"), "CZlib"],
            swiftSettings: strict
        ),
        .target(
            name: "NetworkAlgorithms",
            dependencies: ["NetworkCore"],
            swiftSettings: strict
        ),
        .target(
            name: "Bibliometrics",
            dependencies: [
                "NetworkCore",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Classification/Resources")],
            swiftSettings: strict
        ),
        .target(
            name: "GraphvizRendering",
            dependencies: ["NetworkCore", "CGraphviz", "CZlib"],
            swiftSettings: strict
        ),
        .target(
            name: "Reporting",
            dependencies: [
                "NetworkCore", "NetworkAlgorithms", "Bibliometrics", "GraphvizRendering",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "siloscope",
            dependencies: [
                "NetworkCore", "NetworkAlgorithms", "Bibliometrics", "GraphvizRendering", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "SiloscopeFuzz", dependencies: ["NetworkCore", "Bibliometrics"], swiftSettings: strict),
        .target(
            name: "TestSupport",
            dependencies: ["NetworkCore"],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "NetworkCoreTests", dependencies: ["NetworkCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "NetworkAlgorithmsTests", dependencies: ["NetworkAlgorithms", "NetworkCore", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "BibliometricsTests", dependencies: ["Bibliometrics", "NetworkCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "GraphvizRenderingTests", dependencies: ["GraphvizRendering", "NetworkCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "NetworkCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "siloscopeTests", dependencies: ["siloscope", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
