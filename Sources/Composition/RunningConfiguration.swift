import Config
import Frames
import Server

/// The configuration a running server was built from or last reloaded to, and the one
/// way to change it: each reload is diffed against the configuration in force and
/// applied whole before the next one starts. The command line's SIGHUP and file watch
/// go through it, and so does the control API; so must anything else that changes the
/// same server's cameras. Each change is announced as a `config_reloaded` event, each
/// reload that could not be read or applied as `config_reload_failed`.
public actor RunningConfiguration {
    public typealias Reload = @Sendable (_ old: CamsimConfig, _ new: CamsimConfig) async throws -> CamsimServer.ReloadSummary

    /// The configuration in force.
    public private(set) var config: CamsimConfig
    private let reload: Reload
    private let events: EventBus?
    private var applying = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// `config` is the one `server` was built from; reloads find scenes in `scenes`.
    public init(server: CamsimServer, config: CamsimConfig, scenes: SceneLibrary) {
        self.init(config: config, events: server.events) { old, new in
            try await server.reload(from: old, to: new, scenes: scenes)
        }
    }

    /// Applies each reload with `reload` (tests pass one that records and waits).
    init(config: CamsimConfig, events: EventBus? = nil, reload: @escaping Reload) {
        self.config = config
        self.events = events
        self.reload = reload
    }

    /// Moves the server to `next` (see ``CamsimServer/reload(from:to:scenes:)``).
    /// When it throws, neither the server nor the configuration in force has changed.
    /// `reason` says where the change came from (`SIGHUP`, `api`) in the event.
    public func apply(_ next: CamsimConfig, reason: String = "reload") async throws -> CamsimServer.ReloadSummary {
        try await update(reason: reason) { _ in next }.summary
    }

    /// Reads the next configuration with `load` (a file given again on SIGHUP) and moves
    /// the server to it. When reading or applying it throws, nothing has changed and a
    /// `config_reload_failed` event says why.
    public func apply(
        reason: String, loading load: @Sendable () throws -> CamsimConfig
    ) async throws -> CamsimServer.ReloadSummary {
        let next: CamsimConfig
        do {
            next = try load()
        } catch {
            announceFailure(reason: reason, error: error)
            throw error
        }
        return try await apply(next, reason: reason)
    }

    /// Publishes `config_reload_failed`: `reason` is where the change came from, `error`
    /// what stopped it.
    private func announceFailure(reason: String, error: any Error) {
        events?.publish(ServerEvent(.configReloadFailed, details: [
            "reason": .string(reason), "error": .string(String(describing: error)),
        ]))
    }

    /// Moves the server to what `change` makes of the configuration in force, read and
    /// applied with no other change in between (two API requests cannot undo each
    /// other). When `change` or the reload throws, nothing has changed.
    public func update(
        reason: String, _ change: @Sendable (CamsimConfig) throws -> CamsimConfig
    ) async throws -> (config: CamsimConfig, summary: CamsimServer.ReloadSummary) {
        // The actor is reentrant across the reload's awaits: a second change waits here.
        while applying { await withCheckedContinuation { waiting.append($0) } }
        applying = true
        defer {
            applying = false
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        let next = try change(config)
        let summary: CamsimServer.ReloadSummary
        do {
            summary = try await reload(config, next)
        } catch {
            announceFailure(reason: reason, error: error)
            throw error
        }
        config = next
        events?.publish(ServerEvent(.configReloaded, details: [
            "reason": .string(reason),
            "added": .strings(summary.added), "removed": .strings(summary.removed),
            "restarted": .strings(summary.restarted), "faults_changed": .strings(summary.faultsChanged),
            "unchanged": .int(summary.unchanged),
        ]))
        return (next, summary)
    }
}
