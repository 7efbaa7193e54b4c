import Foundation

/// Something that happened in the server that a watcher may wait on: the control
/// API's `/api/v1/events` stream sends each one as a server-sent event.
public struct ServerEvent: Sendable, Equatable {
    /// What happened; the SSE event name.
    public enum Kind: String, Sendable, CaseIterable {
        case sessionStarted = "session_started"
        case sessionEnded = "session_ended"
        case faultsChanged = "faults_changed"
        case cameraRebooted = "camera_rebooted"
        case cameraOffline = "camera_offline"
        case cameraOnline = "camera_online"
        case cameraAdded = "camera_added"
        case cameraRemoved = "camera_removed"
        case configReloaded = "config_reloaded"
        /// A reload that could not be read or applied: the running cameras are unchanged.
        case configReloadFailed = "config_reload_failed"
    }

    public var kind: Kind
    /// Wall-clock time it happened.
    public var time: Date
    /// The camera's path, when it concerns one camera.
    public var camera: String?
    /// The session id, when it concerns one session.
    public var session: String?
    /// Further facts, by snake_case name: a session's totals, a reload's counts, a reason.
    public var details: [String: Detail]

    /// One fact's value.
    public enum Detail: Sendable, Equatable {
        case int(Int)
        case string(String)
        case strings([String])
    }

    public init(_ kind: Kind, camera: String? = nil, session: String? = nil, details: [String: Detail] = [:], time: Date = Date()) {
        self.kind = kind
        self.time = time
        self.camera = camera
        self.session = session
        self.details = details
    }
}
