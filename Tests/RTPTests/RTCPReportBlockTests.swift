import Testing
@testable import RTP

@Suite("RTCPReportBlock")
struct RTCPReportBlockTests {
    static let block = RTCPReportBlock(
        ssrc: 0x0102_0304, fractionLost: 0x40, cumulativeLost: -1, extendedHighestSequence: 0x0001_0005,
        jitter: 0x10, lastSR: 0xAABB_CCDD, delaySinceLastSR: 0x0002_0000
    )
    static let bytes = hexBytes("01020304 40FFFFFF 00010005 00000010 AABBCCDD 00020000")

    @Test func writesExactBytes() {
        var bytes: [UInt8] = []
        Self.block.write(into: &bytes)
        #expect(bytes == Self.bytes)
    }

    @Test func roundTrips() {
        let parsed = RTCPReportBlock.read(Self.bytes, at: 0)
        #expect(parsed == Self.block)
        var written: [UInt8] = []
        parsed.write(into: &written)
        #expect(RTCPReportBlock.read(written, at: 0) == Self.block)
    }

    @Test func cumulativeLostIsTwentyFourBitSigned() {
        func encoded(_ lost: Int32) -> [UInt8] {
            var bytes: [UInt8] = []
            RTCPReportBlock(ssrc: 0, cumulativeLost: lost).write(into: &bytes)
            return Array(bytes[5..<8])
        }
        #expect(encoded(0x7F_FFFF) == [0x7F, 0xFF, 0xFF])
        #expect(encoded(0x100_0000) == [0x7F, 0xFF, 0xFF])  // clamped
        #expect(encoded(-0x80_0000) == [0x80, 0x00, 0x00])
        #expect(encoded(-0x100_0000) == [0x80, 0x00, 0x00])  // clamped
        #expect(RTCPReportBlock.read(hexBytes("00000000 00800000") + [UInt8](repeating: 0, count: 16), at: 0).cumulativeLost == -0x80_0000)
        #expect(RTCPReportBlock.read(hexBytes("00000000 FF7FFFFF") + [UInt8](repeating: 0, count: 16), at: 0).cumulativeLost == 0x7F_FFFF)
    }
}
