import Foundation

// Built with `-sanitize=fuzzer` and `-D FUZZING` (scripts/fuzz), this module is a
// libFuzzer binary whose target is chosen by SILOSCOPE_FUZZ_TARGET. Built normally it is
// a replay tool: `SiloscopeFuzz TARGET FILE_OR_FOLDER…` runs the target on each file
// (corpora, crash reproducers) and `SiloscopeFuzz --list` names the targets.

#if FUZZING
private let harness: FuzzHarness = {
    let name = ProcessInfo.processInfo.environment["SILOSCOPE_FUZZ_TARGET"] ?? ""
    if name == "--list" {
        print(FuzzTarget.all.map(\.name).joined(separator: "\n"))
        exit(0)
    }
    guard let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: " ")
        FileHandle.standardError.write(Data("SiloscopeFuzz: set SILOSCOPE_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    return FuzzHarness(target: target)
}()

/// Called by libFuzzer once before the first input: picks the target (or lists them
/// when SILOSCOPE_FUZZ_TARGET is `--list`).
@_cdecl("LLVMFuzzerInitialize")
public func siloscopeFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?,
                                    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = harness
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func siloscopeFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    harness.run(bytes)
    return 0
}

/// libFuzzer's driver (in the toolchain's `libclang_rt.fuzzer`), declared by its symbol.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target with `main` defined as `<module>_main`, which
/// shadows libFuzzer's own `main`; this entry hands the command line to libFuzzer's
/// driver instead.
@_cdecl("SiloscopeFuzz_main")
public func siloscopeFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return llvmFuzzerRunDriver(&count, &arguments) { data, size in siloscopeFuzzOneInput(data, size) }
}
#else
@main
struct SiloscopeFuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--list" || arguments.isEmpty {
            for t in FuzzTarget.all {
                print("\(t.name)\t\(t.dictionary)\t\(t.summary)")
            }
            return
        }
        guard let target = FuzzTarget.named(arguments[0]) else {
            FileHandle.standardError.write(Data("SiloscopeFuzz: unknown target '\(arguments[0])' (see --list)\n".utf8))
            exit(2)
        }
        let harness = FuzzHarness(target: target)
        defer { harness.cleanUp() }
        var count = 0
        for argument in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                harness.run(data)
                count += 1
            }
        }
        print("\(target.name): \(count) inputs, no crash")
    }
}
#endif
