import Cameras
import Faults
import PTZ
import RTSP

/// A camera the server offers: its URL path, its streams (the first is the main one)
/// and the faults every viewer of it starts with.
public struct CameraDefinition: Sendable {
    /// URL path without a leading slash, e.g. `bars` or `lobby/cam-01`.
    public var path: String
    public var streams: [StreamDefinition]
    public var faults: FaultProfile
    /// Each stream's multicast group, port and scope by stream name, as SETUP answers
    /// them; a stream without one is not served multicast.
    public var multicast: [String: MulticastTransport]
    /// The camera's own authentication mode and realm, over the server's.
    public var authentication: CameraAuthentication
    /// The camera's recording, played at `<path>/playback`; nil: live only.
    public var recording: RecordingArchive?
    /// The camera's ONVIF audio backchannel; nil: none, and a DESCRIBE requiring one gets 551.
    public var backchannel: CameraBackchannel?
    /// The camera's virtual PTZ head, which its streams draw and the ONVIF PTZ service
    /// commands; nil: none.
    public var ptz: PTZHead?

    public init(
        path: String, streams: [StreamDefinition], faults: FaultProfile = .empty,
        multicast: [String: MulticastTransport] = [:],
        authentication: CameraAuthentication = CameraAuthentication()
    ) {
        precondition(!streams.isEmpty, "a camera needs at least one stream")
        self.path = path
        self.streams = streams
        self.faults = faults
        self.multicast = multicast
        self.authentication = authentication
    }
}
