import Testing
@testable import RTP

@Suite("RTCPReportBlock derived values")
struct RTCPReportBlockDerivedTests {
    /// An RR + SDES compound as a receiver sends it: reporter 0x11223344 about source
    /// 0xCAFEBABE, 25 % lost lately (0x40/256), 300 lost in all, jitter 900 ticks (10 ms
    /// at 90 kHz), LSR 0x12345678, DLSR 1.5 s (0x00018000 / 65536).
    static let receiverReport = hexBytes("""
        81C90007 11223344
        CAFEBABE 4000012C 0001F00D 00000384 12345678 00018000
        81CA0003 11223344 01036162 63000000
        """)

    @Test func readsAReceiverReportFromBytes() throws {
        let packets = try RTCPCompound.parse(Self.receiverReport)
        let found = try #require(packets.reportBlock(about: 0xCAFE_BABE))
        #expect(found.reporter == 0x1122_3344)
        #expect(found.block.fractionLostRatio == 0.25)
        #expect(found.block.cumulativeLost == 300)
        #expect(found.block.jitterSeconds(clockRate: 90_000) == 0.01)
        #expect(found.block.lastSR == 0x1234_5678)
        #expect(found.block.delaySinceLastSRNanoseconds == 1_500_000_000)
        #expect(packets.reportBlock(about: 0xCAFE_BABF) == nil)
    }

    @Test func findsTheBlockInASenderReportToo() throws {
        let block = RTCPReportBlock(ssrc: 7, fractionLost: 128, jitter: 90)
        let bytes = RTCPCompound.serialize([
            .senderReport(RTCPSenderReport(
                ssrc: 9, ntpTimestamp: 0, rtpTimestamp: 0, packetCount: 0, octetCount: 0,
                reportBlocks: [RTCPReportBlock(ssrc: 8), block])),
        ])
        let found = try #require(try RTCPCompound.parse(bytes).reportBlock(about: 7))
        #expect(found.reporter == 9)
        #expect(found.block == block)
        #expect(found.block.fractionLostRatio == 0.5)
    }

    @Test func roundTripIsArrivalLessSendLessDelay() {
        // Sent at 10 s, back at 10.25 s, held 0.2 s by the receiver: 50 ms on the wire.
        let block = RTCPReportBlock(ssrc: 1, lastSR: 0xABCD_0000, delaySinceLastSR: 13_107)  // 13107/65536 s ≈ 0.2 s
        let rtt = block.roundTripNanoseconds(sentAt: 10_000_000_000, receivedAt: 10_250_000_000)
        let expected: Int64 = 250_000_000 - 13_107 * 1_000_000_000 / 65_536
        #expect(rtt == expected)
        #expect(abs(Double(rtt ?? 0) / 1e6 - 50) < 0.02)
    }

    @Test func noRoundTripBeforeAnySenderReport() {
        #expect(RTCPReportBlock(ssrc: 1, lastSR: 0, delaySinceLastSR: 5).roundTripNanoseconds(sentAt: 0, receivedAt: 100) == nil)
    }

    @Test func roundTripNeverNegative() {
        let block = RTCPReportBlock(ssrc: 1, lastSR: 1, delaySinceLastSR: 65_536)
        #expect(block.roundTripNanoseconds(sentAt: 0, receivedAt: 999_000_000) == 0)
    }

    @Test func jitterWithoutAClockRateIsZero() {
        #expect(RTCPReportBlock(ssrc: 1, jitter: 100).jitterSeconds(clockRate: 0) == 0)
    }
}
