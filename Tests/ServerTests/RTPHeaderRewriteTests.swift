import NIOCore
import Testing
@testable import Server

@Suite struct RTPHeaderRewriteTests {
    /// V=2, M=1, PT=96, seq 0x1234, timestamp 0x00000100, SSRC 0xAABBCCDD, then an FU-A byte.
    static let packet: [UInt8] = [0x80, 0xE0, 0x12, 0x34, 0x00, 0x00, 0x01, 0x00, 0xAA, 0xBB, 0xCC, 0xDD, 0x7C, 0x85]

    @Test func identityLeavesThePacketShared() {
        let rewrite = RTPHeaderRewrite(ssrc: 0xAABB_CCDD, payloadType: 96, timestampOffset: 0, originalSSRC: 0xAABB_CCDD)
        let buffer = ByteBuffer(bytes: Self.packet)
        #expect(rewrite.isIdentity)
        #expect(Array(buffer: rewrite.apply(to: buffer)) == Self.packet)
    }

    @Test func rewritesPayloadTypeTimestampAndSSRCKeepingTheMarker() {
        let rewrite = RTPHeaderRewrite(ssrc: 0x0102_0304, payloadType: 97, timestampOffset: 0x10, originalSSRC: 0xAABB_CCDD)
        let out = Array(buffer: rewrite.apply(to: ByteBuffer(bytes: Self.packet)))
        #expect(out == [0x80, 0xE1, 0x12, 0x34, 0x00, 0x00, 0x01, 0x10, 0x01, 0x02, 0x03, 0x04, 0x7C, 0x85])
    }

    @Test func recognisesParameterSetPackets() {
        var stapA = Self.packet
        stapA[12] = 0x78  // F=0 NRI=3 type 24
        var sps = Self.packet
        sps[12] = 0x67
        #expect(RTPHeaderRewrite.carriesParameterSets(ByteBuffer(bytes: stapA)))
        #expect(RTPHeaderRewrite.carriesParameterSets(ByteBuffer(bytes: sps)))
        #expect(!RTPHeaderRewrite.carriesParameterSets(ByteBuffer(bytes: Self.packet)))
    }

    @Test func flipsExactlyTheNamedBits() {
        let out = Array(buffer: RTPHeaderRewrite.flippingBits([96, 111], of: ByteBuffer(bytes: Self.packet)))
        #expect(out[12] == 0x7C ^ 0x80)
        #expect(out[13] == 0x85 ^ 0x01)
        #expect(Array(out[0..<12]) == Array(Self.packet[0..<12]))
    }
}

extension Array where Element == UInt8 {
    init(buffer: ByteBuffer) { self = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? [] }
}
