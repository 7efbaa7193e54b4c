import NIOCore

/// RTP/AVP/TCP: packets framed as `$`, channel, 16-bit length, packet on the RTSP
/// connection itself (RFC 2326 §10.12).
///
/// Frames queue in one buffer, headers and packets together, and `flush` hands it to
/// the connection as one write with one flush: one per access unit. When the socket
/// has taken the bytes by the next access unit, the buffer's storage is reused, so a
/// viewer that keeps up allocates nothing. Confined to the connection's event loop.
final class InterleavedMediaTransport: MediaTransport, @unchecked Sendable {
    let channel: any Channel
    let rtpChannel: UInt8
    let rtcpChannel: UInt8
    private var pending: ByteBuffer

    /// Storage kept between access units; a larger one (after a big IDR) is let go.
    static let retainedCapacity = 64 << 10

    init(channel: any Channel, rtpChannel: UInt8, rtcpChannel: UInt8) {
        self.channel = channel
        self.rtpChannel = rtpChannel
        self.rtcpChannel = rtcpChannel
        pending = channel.allocator.buffer(capacity: 0)
    }

    var eventLoop: any EventLoop { channel.eventLoop }
    var canAcceptMore: Bool { channel.isWritable }

    func writeRTP(_ packet: ByteBuffer) { append(packet, on: rtpChannel) }

    func writeRTCP(_ packet: ByteBuffer) { append(packet, on: rtcpChannel) }

    func flush() {
        guard pending.readableBytes > 0 else { return }
        channel.writeAndFlush(pending, promise: nil)
        if pending.capacity > Self.retainedCapacity {
            pending = channel.allocator.buffer(capacity: 0)
        } else {
            pending.clear()
        }
    }

    /// RFC 2326 §10.12: `$`, the channel, the length (16 bits, network order), the packet.
    private func append(_ packet: ByteBuffer, on interleavedChannel: UInt8) {
        guard packet.readableBytes <= Int(UInt16.max) else { return }
        pending.writeInteger(UInt8(ascii: "$"))
        pending.writeInteger(interleavedChannel)
        pending.writeInteger(UInt16(packet.readableBytes))
        pending.writeImmutableBuffer(packet)
    }
}
