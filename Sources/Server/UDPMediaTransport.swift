import NIOCore

/// RTP/AVP over UDP unicast: the RTP/RTCP sockets of the viewer's event loop to the
/// client's ports.
///
/// A destination that can never receive (port 0, or another address family than the
/// socket's) is found here, once, and its datagrams are counted and dropped: sent, each
/// would fail and make NIO close the socket every viewer on the loop shares.
/// Confined to the pair's event loop.
final class UDPMediaTransport: MediaTransport, @unchecked Sendable {
    let ports: UDPMediaPortPair
    let rtpDestination: SocketAddress
    let rtcpDestination: SocketAddress
    /// False when either destination can never receive.
    let isDeliverable: Bool
    /// Whether an RTCP datagram waits for the next flush.
    private var rtcpQueued = false

    init(ports: UDPMediaPortPair, rtpDestination: SocketAddress, rtcpDestination: SocketAddress) {
        self.ports = ports
        self.rtpDestination = rtpDestination
        self.rtcpDestination = rtcpDestination
        isDeliverable = Self.canReceive(rtpDestination, from: ports.rtp)
            && Self.canReceive(rtcpDestination, from: ports.rtcp)
    }

    var eventLoop: any EventLoop { ports.eventLoop }
    var canAcceptMore: Bool { true }

    func writeRTP(_ packet: ByteBuffer) {
        guard isDeliverable else { return refuse() }
        ports.rtp.write(AddressedEnvelope(remoteAddress: rtpDestination, data: packet))
    }

    func writeRTCP(_ packet: ByteBuffer) {
        guard isDeliverable else { return refuse() }
        ports.rtcp.write(AddressedEnvelope(remoteAddress: rtcpDestination, data: packet))
        rtcpQueued = true
    }

    /// NIO sends each socket's queued datagrams together (sendmmsg): the RTP first, then
    /// the RTCP socket, only when it has something. Each socket flushes once for all the
    /// viewers of the loop that asked before its flush ran.
    func flush() {
        ports.rtp.flush()
        guard rtcpQueued else { return }
        rtcpQueued = false
        ports.rtcp.flush()
    }

    private func refuse() {
        ports.undeliverable.add(1, ordering: .relaxed)
    }

    /// Whether `socket` can ever send to `destination`: not to UDP port 0, and not to
    /// another address family.
    static func canReceive(_ destination: SocketAddress, from socket: UDPMediaSocket) -> Bool {
        guard let port = destination.port, port > 0 else { return false }
        return destination.protocol == socket.address.protocol
    }
}
