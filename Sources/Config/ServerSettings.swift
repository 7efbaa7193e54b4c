/// Settings of the RTSP server as a whole.
public struct ServerSettings: Sendable, Equatable, Hashable {
    /// RTSP listening port; 0 picks a free one.
    public var port: Int
    /// Address to listen on.
    public var bind: String
    /// Server-side UDP ports for RTP/RTCP pairs, starting at an even port; nil lets the system choose.
    public var rtpPortRange: ClosedRange<Int>?
    /// Largest IP datagram of RTP, in bytes, IP and UDP headers included: an RTP packet
    /// gets `mtu` less 28 bytes over IPv4 and 48 over IPv6.
    public var mtu: Int
    /// Seconds without RTSP or RTCP activity before a session is dropped.
    public var sessionTimeoutSeconds: Int
    /// Seconds a connection may take to send one whole request once begun; 0 is no limit.
    public var headerTimeoutSeconds: Int
    /// Seconds a connection with no session may go without a request; 0 is no limit.
    public var idleTimeoutSeconds: Int
    /// Open connections allowed from one IP address; 0 is no cap.
    public var maxConnectionsPerAddress: Int
    /// Minimum log level: trace, debug, info, notice, warning, error or critical.
    public var logLevel: String
    /// `host:port` of the HTTP control endpoint (default `127.0.0.1:8080`), or nil when
    /// it is off (`control: off`).
    public var controlAddress: String?
    /// The bearer token every control request must carry; required when the control
    /// endpoint listens on anything but loopback. Nil for none.
    public var controlToken: String?
    /// Directory of pattern assets (images, fonts) for scenes, or nil for the built-in location.
    public var patternsDirectory: String?
    /// `multicast:`: groups, ports, scope and interface for multicast streams; nil
    /// serves no multicast.
    public var multicast: MulticastSettings?
    /// The RTSPS listener, or nil for plain RTSP only.
    public var tls: TLSSettings?
    /// `auth:`: realm, default mode and nonce lifetime of the cameras' authentication.
    public var auth = AuthSettings()
    /// `onvif:`: per-camera ONVIF ports and WS-Discovery.
    public var onvif = ONVIFServerSettings()
    /// Playback sessions of recordings served at once; beyond it SETUP answers 453.
    public var maxPlaybackSessions: Int = ServerSettings.defaultMaxPlaybackSessions

    /// Where the control endpoint listens unless told otherwise.
    public static let defaultControlAddress = "127.0.0.1:8080"

    public init(
        port: Int = 8554,
        bind: String = "0.0.0.0",
        rtpPortRange: ClosedRange<Int>? = nil,
        mtu: Int = 1400,
        sessionTimeoutSeconds: Int = 60,
        headerTimeoutSeconds: Int = 10,
        idleTimeoutSeconds: Int = 60,
        maxConnectionsPerAddress: Int = 4096,
        logLevel: String = "info",
        controlAddress: String? = ServerSettings.defaultControlAddress,
        controlToken: String? = nil,
        patternsDirectory: String? = nil,
        multicast: MulticastSettings? = nil,
        tls: TLSSettings? = nil
    ) {
        self.port = port
        self.bind = bind
        self.rtpPortRange = rtpPortRange
        self.mtu = mtu
        self.sessionTimeoutSeconds = sessionTimeoutSeconds
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.logLevel = logLevel
        self.controlAddress = controlAddress
        self.controlToken = controlToken
        self.patternsDirectory = patternsDirectory
        self.multicast = multicast
        self.tls = tls
    }
}
