import H264Syntax
import NIOCore
import RTP

/// Per-viewer changes to RTP headers that media faults ask for: another SSRC, another
/// payload type, a timestamp jump. Packets are shared by all viewers, so a changed
/// packet is a copy; with nothing to change the packet passes untouched.
struct RTPHeaderRewrite {
    var ssrc: UInt32 = 0
    var payloadType: UInt8 = RTPPayloadFormat.h264.payloadType
    var timestampOffset: UInt32 = 0
    var originalSSRC: UInt32 = 0
    /// The payload type the stream sends (its `RTPPayloadFormat`).
    var originalPayloadType: UInt8 = RTPPayloadFormat.h264.payloadType

    var isIdentity: Bool { ssrc == originalSSRC && payloadType == originalPayloadType && timestampOffset == 0 }

    /// RFC 3550 §5.1: byte 1 holds M and PT (7 bits), bytes 4-7 the timestamp, 8-11 the SSRC.
    func apply(to packet: ByteBuffer) -> ByteBuffer {
        guard !isIdentity, packet.readableBytes >= 12 else { return packet }
        var copy = ByteBufferAllocator().buffer(capacity: packet.readableBytes)
        copy.writeImmutableBuffer(packet)
        let markerAndType = copy.getInteger(at: 1, as: UInt8.self)!
        copy.setInteger((markerAndType & 0x80) | (payloadType & 0x7F), at: 1)
        let timestamp = copy.getInteger(at: 4, as: UInt32.self)!
        copy.setInteger(timestamp &+ timestampOffset, at: 4)
        copy.setInteger(ssrc, at: 8)
        return copy
    }

    /// True for an RTP packet carrying SPS or PPS: a single NAL of type 7 or 8, or a
    /// STAP-A (type 24, RFC 6184 §5.7.1), which camsim uses only for SEI/SPS/PPS.
    static func carriesParameterSets(_ packet: ByteBuffer) -> Bool {
        guard let header = packet.getInteger(at: packet.readerIndex + 12, as: UInt8.self) else { return false }
        let type = H264NALHeader(rawValue: header).type
        return type == H264NALType.sequenceParameterSet || type == H264NALType.pictureParameterSet
            || type == H264NALType.stapA
    }

    /// A copy of `packet` with the given bits (offsets from the packet start) flipped.
    static func flippingBits(_ offsets: [Int], of packet: ByteBuffer) -> ByteBuffer {
        var copy = ByteBufferAllocator().buffer(capacity: packet.readableBytes)
        copy.writeImmutableBuffer(packet)
        for offset in offsets where offset / 8 < copy.readableBytes {
            let index = copy.readerIndex + offset / 8
            let byte = copy.getInteger(at: index, as: UInt8.self)!
            copy.setInteger(byte ^ (0x80 >> UInt8(offset % 8)), at: index)
        }
        return copy
    }
}
