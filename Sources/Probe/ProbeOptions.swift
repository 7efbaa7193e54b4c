import ProbeAnalysis

/// How the probe carries RTP: over UDP, interleaved in the RTSP connection, or through
/// an HTTP tunnel.
public enum ProbeTransport: String, CaseIterable, Sendable {
    case udp, tcp, http
}

/// What one probe session connects to and for how long.
public struct ProbeOptions: Sendable {
    /// The session lengths accepted: long enough for a frame, short enough to stay a check.
    public static let secondsRange = 0.5...3_600.0

    /// The RTSP URL, credentials allowed in it.
    public var url: String
    public var transport: ProbeTransport = .tcp
    /// Take precedence over credentials in the URL.
    public var user: String?
    public var password: String?
    /// How long to play, from the start of the connection.
    public var seconds = 10.0
    /// Stop once this many RTP packets arrived, if that comes before `seconds`.
    public var packetLimit: Int?
    /// Decode frames and read QR timecodes for `latency_ms`.
    public var latency = false
    public var thresholds = ProbeThresholds()

    public init(url: String) {
        self.url = url
    }
}
