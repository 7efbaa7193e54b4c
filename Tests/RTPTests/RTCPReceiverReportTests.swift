import Testing
@testable import RTP

@Suite("RTCPReceiverReport")
struct RTCPReceiverReportTests {
    static let report = RTCPReceiverReport(ssrc: 0x5566_7788, reportBlocks: [RTCPReportBlockTests.block])
    static let bytes = hexBytes("81C90007 55667788") + RTCPReportBlockTests.bytes

    @Test func writesExactBytes() {
        var bytes: [UInt8] = []
        Self.report.write(into: &bytes)
        #expect(bytes == Self.bytes)
        bytes = []
        RTCPReceiverReport(ssrc: 0x5566_7788).write(into: &bytes)
        #expect(bytes == hexBytes("80C90001 55667788"))
    }

    @Test func roundTrips() throws {
        let parsed = try RTCPCompound.parse(Self.bytes)
        #expect(parsed == [.receiverReport(Self.report)])
        let reparsed = try RTCPCompound.parse(RTCPCompound.serialize(parsed))
        #expect(reparsed == parsed)
    }

    @Test func stripsPadding() throws {
        #expect(try RTCPCompound.parse(hexBytes("A0C90002 55667788 00000004")) == [.receiverReport(RTCPReceiverReport(ssrc: 0x5566_7788))])
    }

    @Test func rejectsBadPadding() {
        #expect(throws: RTCPParseError.badPadding(count: 0, available: 8)) {
            try RTCPCompound.parse(hexBytes("A0C90002 55667788 00000000"))
        }
        #expect(throws: RTCPParseError.badPadding(count: 9, available: 8)) {
            try RTCPCompound.parse(hexBytes("A0C90002 55667788 00000009"))
        }
    }

    @Test func rejectsShortBodyAndMissingBlocks() {
        #expect(throws: RTCPParseError.tooShort(needed: 8, available: 4)) {
            try RTCPCompound.parse(hexBytes("80C90000"))
        }
        #expect(throws: RTCPParseError.reportBlockOverflow(count: 2, available: 24)) {
            try RTCPCompound.parse(hexBytes("82C90007 55667788") + RTCPReportBlockTests.bytes)
        }
    }
}
