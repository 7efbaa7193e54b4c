import NIOCore

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
