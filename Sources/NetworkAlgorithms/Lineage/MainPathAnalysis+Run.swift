extension MainPathAnalysis {
    /// Runs the search named `search` (the `--search` values of `siloscope mainpath`).
    ///
    /// - Parameters:
    ///   - routes: K for ``MainPathSearch/keyRoute``; the path limit for ``MainPathSearch/multiple``.
    ///   - extension: key-route extension (default local, as Liu & Lu's "key-route local").
    ///   - tolerance: relative tolerance for ``MainPathSearch/basket``.
    /// - Complexity: that of the search.
    public func run(
        _ search: MainPathSearch, routes: Int = 1, extension ext: KeyRouteExtension = .local,
        tolerance: Double = 0.1
    ) -> MainPathResult {
        switch search {
        case .localForward: return localForward()
        case .localBackward: return localBackward()
        case .global: return global()
        case .keyRoute: return keyRoute(routes: routes, extension: ext)
        case .multiple: return multiple(limit: routes)
        case .basket: return basket(tolerance: tolerance)
        }
    }
}
