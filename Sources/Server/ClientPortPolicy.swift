import RTSP

/// Which `client_port` pairs camsim sends media to (RFC 2326 §12.39): RTP to an
/// unprivileged port p and RTCP to p+1 (RFC 3550 §11 pairs them so; camsim does not
/// insist that p be even). Port 0 is no destination at all, ports below 1024 belong
/// to system services, and a wider or reversed range names ports the session would
/// not use, so a SETUP cannot aim a stream at any of them.
enum ClientPortPolicy {
    /// The lowest port camsim sends to.
    static let minimumPort: UInt16 = 1024

    /// The RTCP port of a usable pair (`p-(p+1)`, or `p` alone meaning the same), or nil.
    static func rtcpPort(for ports: PortRange) -> UInt16? {
        guard ports.start >= minimumPort, ports.start < UInt16.max else { return nil }
        let rtcp = ports.start + 1
        guard ports.end == nil || ports.end == rtcp else { return nil }
        return rtcp
    }

    /// The reason given with 400 when every UDP offer named an unusable pair.
    static func refusal(_ ports: PortRange) -> String {
        "client_port \(ports) is not usable: give an RTP port p from \(minimumPort) and RTCP on p+1"
    }
}
