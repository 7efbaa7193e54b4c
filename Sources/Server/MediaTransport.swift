import NIOCore

/// Where a session's RTP and RTCP packets go. Every method runs on `eventLoop`.
protocol MediaTransport: Sendable {
    var eventLoop: any EventLoop { get }
    /// False when the viewer cannot take more now (a TCP viewer whose queue is full).
    var canAcceptMore: Bool { get }
    func writeRTP(_ packet: ByteBuffer)
    func writeRTCP(_ packet: ByteBuffer)
    func flush()
}

/// RTP/AVP over UDP unicast: the server's shared RTP/RTCP sockets to the client's ports.
struct UDPMediaTransport: MediaTransport {
    let ports: UDPMediaPorts
    let rtpDestination: SocketAddress
    let rtcpDestination: SocketAddress

    var eventLoop: any EventLoop { ports.rtp.eventLoop }
    var canAcceptMore: Bool { true }

    func writeRTP(_ packet: ByteBuffer) {
        ports.rtp.write(AddressedEnvelope(remoteAddress: rtpDestination, data: packet), promise: nil)
    }

    func writeRTCP(_ packet: ByteBuffer) {
        ports.rtcp.writeAndFlush(AddressedEnvelope(remoteAddress: rtcpDestination, data: packet), promise: nil)
    }

    /// One flush per access unit: NIO sends the queued datagrams together (sendmmsg).
    func flush() { ports.rtp.flush() }
}

/// RTP/AVP/TCP: packets framed as `$`, channel, 16-bit length, packet on the RTSP
/// connection itself (RFC 2326 §10.12).
struct InterleavedMediaTransport: MediaTransport {
    let channel: any Channel
    let rtpChannel: UInt8
    let rtcpChannel: UInt8

    var eventLoop: any EventLoop { channel.eventLoop }
    var canAcceptMore: Bool { channel.isWritable }

    func writeRTP(_ packet: ByteBuffer) { write(packet, on: rtpChannel) }

    func writeRTCP(_ packet: ByteBuffer) {
        write(packet, on: rtcpChannel)
        channel.flush()
    }

    func flush() { channel.flush() }

    private func write(_ packet: ByteBuffer, on interleavedChannel: UInt8) {
        guard packet.readableBytes <= Int(UInt16.max) else { return }
        var header = channel.allocator.buffer(capacity: 4)
        header.writeInteger(UInt8(ascii: "$"))
        header.writeInteger(interleavedChannel)
        header.writeInteger(UInt16(packet.readableBytes))
        channel.write(header, promise: nil)
        channel.write(packet, promise: nil)
    }
}
