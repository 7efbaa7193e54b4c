import Testing
@testable import RTP

@Suite("RTCPSenderReport")
struct RTCPSenderReportTests {
    static let report = RTCPSenderReport(
        ssrc: 0x1122_3344, ntpTimestamp: 0x83AA_7E80_8000_0000, rtpTimestamp: 0x0001_5F90,
        packetCount: 10, octetCount: 1000
    )
    static let bytes = hexBytes("80C80006 11223344 83AA7E80 80000000 00015F90 0000000A 000003E8")

    @Test func writesExactBytes() {
        var bytes: [UInt8] = []
        Self.report.write(into: &bytes)
        #expect(bytes == Self.bytes)
    }

    @Test func writesReportBlocks() {
        var report = Self.report
        report.reportBlocks = [RTCPReportBlockTests.block]
        var bytes: [UInt8] = []
        report.write(into: &bytes)
        #expect(bytes == hexBytes("81C8000C") + Self.bytes[4...] + RTCPReportBlockTests.bytes)
    }

    @Test func roundTrips() throws {
        var report = Self.report
        report.reportBlocks = [RTCPReportBlockTests.block, RTCPReportBlock(ssrc: 9)]
        let bytes = RTCPCompound.serialize([.senderReport(report)])
        let parsed = try RTCPCompound.parse(bytes)
        #expect(parsed == [.senderReport(report)])
        #expect(RTCPCompound.serialize(parsed) == bytes)
    }

    @Test func skipsProfileExtensions() throws {
        let bytes = hexBytes("80C80007") + Self.bytes[4...] + hexBytes("DEADBEEF")
        #expect(try RTCPCompound.parse(bytes) == [.senderReport(Self.report)])
    }

    @Test func writesAtMostThirtyOneBlocks() {
        var report = Self.report
        report.reportBlocks = (0..<40).map { RTCPReportBlock(ssrc: $0) }
        var bytes: [UInt8] = []
        report.write(into: &bytes)
        #expect(bytes[0] == 0x9F)
        #expect(bytes.count == 28 + 31 * 24)
    }

    @Test func rejectsShortBody() {
        #expect(throws: RTCPParseError.tooShort(needed: 28, available: 8)) {
            try RTCPCompound.parse(hexBytes("80C80001 11223344"))
        }
    }

    @Test func rejectsMissingReportBlocks() {
        #expect(throws: RTCPParseError.reportBlockOverflow(count: 1, available: 0)) {
            try RTCPCompound.parse(hexBytes("81C80006") + Self.bytes[4...])
        }
    }
}
