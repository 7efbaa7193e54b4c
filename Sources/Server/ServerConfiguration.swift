import NIOCore
/// How the RTSP server listens and treats sessions.
public struct ServerConfiguration: Sendable {
    /// Address to bind the RTSP listener and the RTP/RTCP sockets to.
    public var bindHost: String
    /// RTSP port; 0 picks a free one (tests).
    public var port: Int
    /// Even-numbered RTP port range for the server's RTP/RTCP pair; nil picks a free pair.
    public var rtpPortRange: ClosedRange<Int>?
    /// Session timeout advertised in `Session: id;timeout=N` (RFC 2326 §12.37).
    public var sessionTimeoutSeconds: Int
    /// The host name used in printed URLs when bound to a wildcard address.
    public var advertisedHost: String?
    /// Event-loop threads for networking; nil uses one per core.
    public var networkThreads: Int?
    /// Encode threads; nil uses one per core.
    public var encodeThreads: Int?
    /// Bytes queued for one TCP viewer before it skips to the next keyframe.
    public var tcpViewerQueueLimit: Int
    /// Seconds a connection may take to send one whole request (or interleaved frame) once
    /// it has begun; then it gets 408 and is closed. 0 turns the limit off.
    public var headerTimeoutSeconds: Int
    /// Seconds a connection with no session may stay open without sending a request; 0
    /// turns the limit off. Connections with a live session are left to its timeout.
    public var idleConnectionTimeoutSeconds: Int
    /// Open connections allowed from one IP address; further ones are closed at once.
    /// 0 turns the cap off.
    public var maximumConnectionsPerAddress: Int
    /// Multicast scope and interface; nil serves no multicast (SETUP answers 461).
    public var multicast: MulticastDelivery?
    /// The RTSPS listener, or nil for plain RTSP only.
    public var rtsps: RTSPSSettings?
    /// Playback sessions of recordings served at once (`server.max_playback_sessions`).
    public var maxPlaybackSessions = 2 * max(1, System.coreCount)

    public init(
        bindHost: String = "0.0.0.0",
        port: Int = 8554,
        rtpPortRange: ClosedRange<Int>? = nil,
        sessionTimeoutSeconds: Int = 60,
        advertisedHost: String? = nil,
        networkThreads: Int? = nil,
        encodeThreads: Int? = nil,
        tcpViewerQueueLimit: Int = 2 << 20,
        headerTimeoutSeconds: Int = 10,
        idleConnectionTimeoutSeconds: Int = 60,
        maximumConnectionsPerAddress: Int = 4096,
        multicast: MulticastDelivery? = nil,
        rtsps: RTSPSSettings? = nil
    ) {
        self.bindHost = bindHost
        self.port = port
        self.rtpPortRange = rtpPortRange
        self.sessionTimeoutSeconds = sessionTimeoutSeconds
        self.advertisedHost = advertisedHost
        self.networkThreads = networkThreads
        self.encodeThreads = encodeThreads
        self.tcpViewerQueueLimit = tcpViewerQueueLimit
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.idleConnectionTimeoutSeconds = idleConnectionTimeoutSeconds
        self.maximumConnectionsPerAddress = maximumConnectionsPerAddress
        self.multicast = multicast
        self.rtsps = rtsps
    }
}
