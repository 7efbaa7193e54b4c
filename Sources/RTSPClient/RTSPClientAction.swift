import RTSP

/// What the driver does after feeding the client state machine.
public enum RTSPClientAction: Hashable, Sendable {
    /// Write this request on the control connection.
    case send(RTSPRequest)
    /// Close the control connection and open one to this URL (a redirect), then call
    /// `connected(now:)`.
    case reconnect(to: ClientURL)
    /// The DESCRIBE answer was read. For UDP, bind a port pair per track of
    /// `RTSPClientDescription.tracks` selected by `selectedTracks` and call `setUp(clientPorts:now:)`;
    /// otherwise call `setUp(now:)`.
    case described(RTSPClientDescription, selectedTracks: [Int])
    /// PLAY succeeded: media flows as the transports say.
    case playing(RTSPClientSession)
    /// The session is over: close every socket. Nil after a TEARDOWN the client asked for.
    case close(RTSPClientError?)
}

/// A client port pair for one track over UDP (RFC 2326 §12.39 `client_port`).
public struct RTSPClientPortPair: Hashable, Sendable {
    public var rtp: UInt16
    public var rtcp: UInt16

    public init(rtp: UInt16, rtcp: UInt16) {
        self.rtp = rtp
        self.rtcp = rtcp
    }
}

/// How one set-up track's media travels, from the SETUP answer's Transport header.
public struct RTSPClientTrackTransport: Hashable, Sendable {
    /// Index into `RTSPClientDescription.tracks`.
    public var track: Int
    /// The Transport header the server answered with.
    public var transport: TransportSpec
    /// UDP: the client ports the server sends to; the server's ports, when it names them.
    public var clientPorts: RTSPClientPortPair?
    public var serverPorts: RTSPClientPortPair?
    /// TCP/HTTP: the interleaved channels of RTP and RTCP.
    public var rtpChannel: UInt8?
    public var rtcpChannel: UInt8?
    /// The SSRC the server announced, if it did.
    public var ssrc: UInt32?
    /// From the PLAY answer's RTP-Info (RFC 2326 §12.33), when it names this track.
    public var initialSequenceNumber: UInt16?
    public var initialTimestamp: UInt32?

    public init(
        track: Int, transport: TransportSpec, clientPorts: RTSPClientPortPair? = nil,
        serverPorts: RTSPClientPortPair? = nil, rtpChannel: UInt8? = nil, rtcpChannel: UInt8? = nil,
        ssrc: UInt32? = nil, initialSequenceNumber: UInt16? = nil, initialTimestamp: UInt32? = nil
    ) {
        self.track = track
        self.transport = transport
        self.clientPorts = clientPorts
        self.serverPorts = serverPorts
        self.rtpChannel = rtpChannel
        self.rtcpChannel = rtcpChannel
        self.ssrc = ssrc
        self.initialSequenceNumber = initialSequenceNumber
        self.initialTimestamp = initialTimestamp
    }
}

/// A playing session: its identifier, timeout and the transport of every set-up track.
public struct RTSPClientSession: Hashable, Sendable {
    public var id: String
    public var timeout: Duration
    public var transports: [RTSPClientTrackTransport]

    public init(id: String, timeout: Duration, transports: [RTSPClientTrackTransport]) {
        self.id = id
        self.timeout = timeout
        self.transports = transports
    }
}
