import Foundation
import SiteGen

/// One `sitegen serve`: builds the site into a private folder (never public/, which may
/// hold the production build), rebuilds on change, and remembers whether the last build
/// failed so pages can show the overlay instead.
public actor PreviewSession {
    public enum State: Sendable {
        case built
        case failed([Diagnostic], sources: [String: String])
    }

    public nonisolated let options: BuildOptions
    public nonisolated let broadcaster = ReloadBroadcaster()
    public private(set) var state: State = .built
    /// What the last build leaves for the next: a save re-renders only what it changed.
    private var memo = BuildMemo()

    public nonisolated var output: URL { options.output }

    public init(options: BuildOptions) {
        self.options = options
    }

    public struct Outcome: Sendable {
        public var succeeded: Bool
        public var pages: Int
        /// Files rendered by this build (the rest were unchanged).
        public var rendered: Int
        /// How long each stage of the build took.
        public var timings: [(stage: String, duration: Duration)] = []
        public var diagnostics: [Diagnostic]
        public var duration: Duration
    }

    /// Builds, tells every open tab to reload, and returns what happened.
    @discardableResult
    public func rebuild() async -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome: Outcome
        let (result, next) = await SiteBuilder.rebuild(options, reusing: memo)
        memo = next
        switch result {
        case .success(let summary):
            state = .built
            outcome = Outcome(succeeded: true, pages: summary.pages, rendered: summary.rendered, timings: summary.timings,
                              diagnostics: summary.warnings, duration: .zero)
        case .failure(let error):
            state = .failed(error.diagnostics, sources: SiteFiles(root: options.source).texts(namedIn: error.diagnostics))
            outcome = Outcome(succeeded: false, pages: 0, rendered: 0, diagnostics: error.diagnostics, duration: .zero)
        }
        await broadcaster.broadcast("reload")
        outcome.duration = clock.now - start
        return outcome
    }
}
