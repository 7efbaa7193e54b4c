import Config
import Frames
import Server

/// The configuration a running server was built from or last reloaded to, and the one
/// way to change it: each reload is diffed against the configuration in force and
/// applied whole before the next one starts. The command line's SIGHUP and file watch
/// go through it, as does anything else that reloads the same server.
public actor RunningConfiguration {
    public let server: CamsimServer
    public let scenes: SceneLibrary
    /// The configuration in force.
    public private(set) var config: CamsimConfig
    private var applying = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// `config` is the one `server` was built from.
    public init(server: CamsimServer, config: CamsimConfig, scenes: SceneLibrary) {
        self.server = server
        self.config = config
        self.scenes = scenes
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
        let summary = try await server.reload(from: config, to: next, scenes: scenes)
        config = next
        return summary
    }
}
