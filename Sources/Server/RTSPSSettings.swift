/// The RTSPS listener (RTSP over TLS): its port and what it presents. Its connections
/// run the same RTSP pipeline as the plain listener's, with media interleaved in the
/// TLS connection.
public struct RTSPSSettings: Sendable {
    /// RTSPS port; 0 picks a free one (tests).
    public var port: Int
    /// The certificate and key to serve; nil makes a self-signed certificate at start.
    public var identity: TLSIdentity?

    public init(port: Int, identity: TLSIdentity? = nil) {
        self.port = port
        self.identity = identity
    }
}
