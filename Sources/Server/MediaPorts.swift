import NIOCore

/// The server's UDP side as a SETUP sees it: the `server_port` pair to announce
/// (RFC 2326 §12.39) and a transport that sends a viewer's RTP and RTCP to its ports.
protocol MediaPorts: Sendable {
    /// The server's RTP and RTCP ports; nil when no UDP pair is bound (UDP SETUP then gets 461).
    var serverPortPair: (rtp: Int, rtcp: Int)? { get }
    /// A transport from the server's pair to the client's, preferably sent from `eventLoop`.
    func udpTransport(
        rtpDestination: SocketAddress, rtcpDestination: SocketAddress, near eventLoop: any EventLoop
    ) -> (any MediaTransport)?
}
