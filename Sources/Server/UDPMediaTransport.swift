import NIOCore

/// RTP/AVP over UDP unicast: the RTP/RTCP sockets of the viewer's event loop to the
/// client's ports.
struct UDPMediaTransport: MediaTransport {
    let ports: UDPMediaPortPair
    let rtpDestination: SocketAddress
    let rtcpDestination: SocketAddress

    var eventLoop: any EventLoop { ports.eventLoop }
    var canAcceptMore: Bool { true }

    func writeRTP(_ packet: ByteBuffer) {
        ports.rtp.write(AddressedEnvelope(remoteAddress: rtpDestination, data: packet))
    }

    func writeRTCP(_ packet: ByteBuffer) {
        ports.rtcp.write(AddressedEnvelope(remoteAddress: rtcpDestination, data: packet))
        ports.rtcp.flush()
    }

    /// One flush per access unit: NIO sends the queued datagrams together (sendmmsg).
    func flush() { ports.rtp.flush() }
}
