import Config
import Frames
import Server

/// The configuration a running server was built from or last reloaded to, and the one
/// way to change it: each reload is diffed against the configuration in force and
/// applied whole before the next one starts. The command line's SIGHUP and file watch
/// go through it; so must anything else that reloads the same server.
public actor RunningConfiguration {
    public typealias Reload = @Sendable (_ old: CamsimConfig, _ new: CamsimConfig) async throws -> CamsimServer.ReloadSummary

    /// The configuration in force.
    public private(set) var config: CamsimConfig
    private let reload: Reload
    private var applying = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// `config` is the one `server` was built from; reloads find scenes in `scenes`.
    public init(server: CamsimServer, config: CamsimConfig, scenes: SceneLibrary) {
        self.init(config: config) { old, new in try await server.reload(from: old, to: new, scenes: scenes) }
    }

    /// Applies each reload with `reload` (tests pass one that records and waits).
    init(config: CamsimConfig, reload: @escaping Reload) {
        self.config = config
        self.reload = reload
    }

    /// Moves the server to `next` (see ``CamsimServer/reload(from:to:scenes:)``).
    /// When it throws, neither the server nor the configuration in force has changed.
    public func apply(_ next: CamsimConfig) async throws -> CamsimServer.ReloadSummary {
        // The actor is reentrant across the reload's awaits: a second reload waits here.
        while applying { await withCheckedContinuation { waiting.append($0) } }
        applying = true
        defer {
            applying = false
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        let summary = try await reload(config, next)
        config = next
        return summary
    }
}
