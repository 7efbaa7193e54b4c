import NIOCore

/// The server's UDP side as a SETUP sees it: the `server_port` pair to announce
/// (RFC 2326 §12.39) and a transport that sends a viewer's RTP and RTCP to its ports.
protocol MediaPorts: Sendable {
    /// The RTP and RTCP ports a viewer on `eventLoop` is sent from; nil when no UDP pair
    /// is bound (UDP SETUP then gets 461).
    func serverPortPair(near eventLoop: any EventLoop) -> (rtp: Int, rtcp: Int)?
    /// A transport from the pair of `eventLoop` (the one `serverPortPair` names) to the client's.
    func udpTransport(
        rtpDestination: SocketAddress, rtcpDestination: SocketAddress, near eventLoop: any EventLoop
    ) -> (any MediaTransport)?
}
