import RTSP

/// Which `client_port` pairs camsim sends media to (RFC 2326 §12.39): RTP to an
/// unprivileged port p and RTCP to p+1 (RFC 3550 §11 pairs them so; camsim does not
/// insist that p be even). Port 0 and pairs other than p-(p+1) do not even parse;
/// ports below 1024 belong to system services, so a SETUP cannot aim a stream at one.
///
/// A UDP offer naming another pair is passed over. When no offer is left because of
/// it, SETUP answers 400 with `refusal(_:)`, not 461: the request is wrong, the
/// transport itself is one camsim serves.
enum ClientPortPolicy {
    /// The lowest port camsim sends to.
    static let minimumPort: UInt16 = TransportSpec.minimumClientPort

    /// The RTP and RTCP ports to send to, or nil when the spec names no usable pair.
    static func destination(of spec: TransportSpec) -> (rtp: UInt16, rtcp: UInt16)? {
        try? spec.validateClientPort(minimum: minimumPort)
    }

    /// The reason given with 400 when every UDP offer named an unusable pair.
    static func refusal(_ ports: PortRange) -> String {
        "client_port \(ports) is not usable: give an RTP port p from \(minimumPort) and RTCP on p+1"
    }
}
