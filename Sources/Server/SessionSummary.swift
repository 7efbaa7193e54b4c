/// One live RTSP session as the control API lists it: who watches what, over which
/// transport, what was sent, what faults did and the viewer's last receiver report.
public struct SessionSummary: Sendable, Equatable {
    /// How the session's media travels: `tls` is interleaved in an RTSPS connection,
    /// `multicast` is the camera's group, shared with its other multicast sessions.
    public enum Transport: String, Sendable, Equatable, CaseIterable {
        case udp, tcp, http, tls, multicast
    }

    public var id: String
    /// The camera's path.
    public var camera: String
    /// The stream's name (`main`, `sub`).
    public var stream: String
    /// True when the session plays the camera's recording rather than its live picture.
    public var playback: Bool
    /// Nil before the first SETUP has chosen one (never for a listed session).
    public var transport: Transport?
    /// The client's `ADDR:PORT` on the RTSP connection.
    public var client: String
    /// When the session was set up, wall-clock nanoseconds since the Unix epoch.
    public var startedWallClockNanos: Int64
    /// RTP packets and bytes written to the session (after faults), every track it SETUP
    /// added up; for a multicast session, the group's, which its other sessions share.
    public var packetsSent: Int
    public var bytesSent: Int
    /// What the session's faults did to all its tracks, by cause (`FaultTally.countsByCause`).
    public var faults: [String: Int]
    /// The last receiver report of the session's first track that has one (the video's
    /// when it SETUP the video and its client reports on it); nil until one arrived.
    public var reception: ReceptionReport?
    /// What the client sent on its ONVIF backchannel track; nil when it SETUP none.
    public var backchannel: Backchannel?

    /// The RTP a client sent camsim on its backchannel track (ONVIF Streaming
    /// Specification §5.3), as `BackchannelReception` counted it.
    public struct Backchannel: Sendable, Equatable {
        /// RTP packets of the offered payload type accepted.
        public var packets: Int
        /// Their payload (audio) bytes.
        public var bytes: Int
        /// Packets the sequence numbers say never arrived (RFC 3550 §A.3).
        public var lost: Int

        public init(packets: Int, bytes: Int, lost: Int) {
            self.packets = packets
            self.bytes = bytes
            self.lost = lost
        }
    }

    public init(
        id: String, camera: String, stream: String, transport: Transport?, client: String,
        startedWallClockNanos: Int64, packetsSent: Int, bytesSent: Int, faults: [String: Int],
        reception: ReceptionReport?, playback: Bool = false, backchannel: Backchannel? = nil
    ) {
        self.id = id
        self.camera = camera
        self.stream = stream
        self.playback = playback
        self.transport = transport
        self.client = client
        self.startedWallClockNanos = startedWallClockNanos
        self.packetsSent = packetsSent
        self.bytesSent = bytesSent
        self.faults = faults
        self.reception = reception
        self.backchannel = backchannel
    }
}
