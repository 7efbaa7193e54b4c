import NIOCore
import RTSP

/// RTP/AVP multicast (RFC 2326 §12.39): the group's one viewer sends each RTP packet
/// once, to the group's RTP port, and its sender reports to the group's RTCP port
/// (RFC 3550 §6.4.1), from the group's sender socket. Every send is counted, so tests
/// can prove one send per packet however many sessions watch. Confined to the
/// sender's event loop.
final class MulticastMediaTransport: MediaTransport, @unchecked Sendable {
    let sockets: MulticastSockets
    let counters: MulticastGroupCounters
    private let rtpDestination: SocketAddress
    private let rtcpDestination: SocketAddress

    init(sockets: MulticastSockets, answer: MulticastTransport, counters: MulticastGroupCounters) throws {
        self.sockets = sockets
        self.counters = counters
        rtpDestination = try SocketAddress(ipAddress: answer.group.description, port: Int(answer.rtpPort))
        rtcpDestination = try SocketAddress(ipAddress: answer.group.description, port: Int(answer.rtcpPort))
    }

    var eventLoop: any EventLoop { sockets.eventLoop }
    var canAcceptMore: Bool { true }

    func writeRTP(_ packet: ByteBuffer) {
        let bytes = packet.readableBytes
        sockets.sender.write(AddressedEnvelope(remoteAddress: rtpDestination, data: packet))
        counters.packetsSent.wrappingAdd(1, ordering: .relaxed)
        counters.bytesSent.wrappingAdd(bytes, ordering: .relaxed)
    }

    func writeRTCP(_ packet: ByteBuffer) {
        sockets.sender.write(AddressedEnvelope(remoteAddress: rtcpDestination, data: packet))
        counters.reportsSent.wrappingAdd(1, ordering: .relaxed)
    }

    /// Every queued datagram goes together (sendmmsg): RTP and RTCP share the sender.
    func flush() {
        sockets.sender.flush()
    }
}
