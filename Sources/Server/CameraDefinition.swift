import Cameras
import Faults

/// A camera the server offers: its URL path, its streams (the first is the main one)
/// and the faults every viewer of it starts with.
public struct CameraDefinition: Sendable {
    /// URL path without a leading slash, e.g. `bars` or `lobby/cam-01`.
    public var path: String
    public var streams: [StreamDefinition]
    public var faults: FaultProfile

    public init(path: String, streams: [StreamDefinition], faults: FaultProfile = .empty) {
        precondition(!streams.isEmpty, "a camera needs at least one stream")
        self.path = path
        self.streams = streams
        self.faults = faults
    }
}
