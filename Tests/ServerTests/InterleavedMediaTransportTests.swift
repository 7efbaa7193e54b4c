import NIOCore
import NIOEmbedded
import Testing
@testable import Server

/// RTP/AVP/TCP framing (RFC 2326 §10.12): one write per access unit, headers and
/// packets together.
@Suite
struct InterleavedMediaTransportTests {
    static func packet(_ byte: UInt8, count: Int) -> ByteBuffer {
        ByteBuffer(bytes: [UInt8](repeating: byte, count: count))
    }

    @Test
    func anAccessUnitAndItsReportLeaveAsOneFramedWrite() throws {
        let channel = EmbeddedChannel()
        let transport = InterleavedMediaTransport(channel: channel, rtpChannel: 2, rtcpChannel: 3)
        transport.writeRTP(Self.packet(0xA1, count: 5))
        transport.writeRTP(Self.packet(0xA2, count: 300))
        transport.writeRTCP(Self.packet(0xB1, count: 7))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil, "nothing goes out before the flush")
        transport.flush()

        let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil, "more than one write for one access unit")
        var expected: [UInt8] = [0x24, 2, 0, 5] + [UInt8](repeating: 0xA1, count: 5)
        expected += [0x24, 2, 0x01, 0x2C] + [UInt8](repeating: 0xA2, count: 300)
        expected += [0x24, 3, 0, 7] + [UInt8](repeating: 0xB1, count: 7)
        #expect(Array(written.readableBytesView) == expected)

        // The next access unit starts from an empty buffer; a flush with nothing queued writes nothing.
        transport.flush()
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        transport.writeRTP(Self.packet(0xC1, count: 1))
        transport.flush()
        let next = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(Array(next.readableBytesView) == [0x24, 2, 0, 1, 0xC1])
        _ = try channel.finish()
    }

    @Test
    func aPacketTooLongForTheLengthFieldIsNotFramed() throws {
        let channel = EmbeddedChannel()
        let transport = InterleavedMediaTransport(channel: channel, rtpChannel: 0, rtcpChannel: 1)
        transport.writeRTP(Self.packet(0, count: Int(UInt16.max) + 1))
        transport.flush()
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        _ = try channel.finish()
    }
}
