import Cameras

/// A camera the server offers: its URL path and its streams (the first is the main one).
public struct CameraDefinition: Sendable {
    /// URL path without a leading slash, e.g. `bars` or `lobby/cam-01`.
    public var path: String
    public var streams: [StreamDefinition]

    public init(path: String, streams: [StreamDefinition]) {
        precondition(!streams.isEmpty, "a camera needs at least one stream")
        self.path = path
        self.streams = streams
    }
}
