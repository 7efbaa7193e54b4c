import RTSP

extension RTSPConnection {
    /// The offered transports this connection can carry. Over RTSPS media stays
    /// interleaved inside the TLS connection (RTP/AVP/TCP, RFC 2326 §10.12): UDP offers
    /// are passed over, and an offer of UDP alone is 461 Unsupported Transport
    /// (RFC 2326 §11.3.12) with the reason. SRTP is not served.
    func servableOverThisConnection(
        _ offered: [TransportSpec], context: RTSPRequestContext
    ) throws(Refusal) -> [TransportSpec] {
        guard context.isTLS else { return offered }
        let interleaved = offered.filter { $0.lowerTransport == .tcp }
        if interleaved.isEmpty, !offered.isEmpty {
            throw Refusal(
                .unsupportedTransport,
                reason: "RTSPS carries media interleaved in the TLS connection: offer RTP/AVP/TCP;unicast;interleaved=0-1")
        }
        return interleaved
    }
}
