/// What an `RTSPClientConnection` reports and how it behaves beyond the RTSP session itself.
public struct RTSPClientOptions: Hashable, Sendable {
    /// Report every RTP and RTCP packet (`.rtp`, `.rtcp`).
    public var reportsPackets: Bool
    /// Rebuild and report H.264 access units (`.accessUnit`) of H.264 tracks.
    public var assemblesAccessUnits: Bool
    /// Send RTCP receiver reports (RFC 3550 §6.4.2) on each track's RTCP path.
    public var sendsReceiverReports: Bool
    /// Time between receiver reports (RFC 3550 §6.2's 5-second minimum by default).
    public var receiverReportInterval: Duration
    /// Events held for a slow consumer; later ones are dropped (and counted).
    public var eventBufferLimit: Int
    /// How long connecting the control connection may take.
    public var connectTimeout: Duration
    /// The SSRC of the client's own RTCP; nil picks one at random.
    public var ssrc: UInt32?
    /// The host UDP media sockets bind to.
    public var udpBindHost: String

    public init(
        reportsPackets: Bool = true, assemblesAccessUnits: Bool = true, sendsReceiverReports: Bool = true,
        receiverReportInterval: Duration = .seconds(5), eventBufferLimit: Int = 100_000,
        connectTimeout: Duration = .seconds(5), ssrc: UInt32? = nil, udpBindHost: String = "0.0.0.0"
    ) {
        self.reportsPackets = reportsPackets
        self.assemblesAccessUnits = assemblesAccessUnits
        self.sendsReceiverReports = sendsReceiverReports
        self.receiverReportInterval = receiverReportInterval
        self.eventBufferLimit = eventBufferLimit
        self.connectTimeout = connectTimeout
        self.ssrc = ssrc
        self.udpBindHost = udpBindHost
    }
}
