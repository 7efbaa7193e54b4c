import Randomness
import Testing
@testable import RTP

@Suite("RTCPCompound")
struct RTCPCompoundTests {
    @Test func senderReportWithSourceDescription() throws {
        let packets: [RTCPPacket] = [
            .senderReport(RTCPSenderReportTests.report),
            .sourceDescription(RTCPSourceDescription(ssrc: 0x1122_3344, cname: "abc")),
        ]
        let expected = RTCPSenderReportTests.bytes + hexBytes("81CA0003 11223344 0103616263 000000")
        let bytes = RTCPCompound.serialize(packets)
        #expect(bytes == expected)
        #expect(try RTCPCompound.parse(bytes) == packets)
    }

    @Test func receiverReportSourceDescriptionBye() throws {
        let packets: [RTCPPacket] = [
            .receiverReport(RTCPReceiverReportTests.report),
            .sourceDescription(RTCPSourceDescription(ssrc: 0x5566_7788, cname: "a")),
            .bye(RTCPBye(sources: [0x5566_7788], reason: "bye")),
        ]
        let expected = RTCPReceiverReportTests.bytes
            + hexBytes("81CA0002 55667788 010161 00")
            + hexBytes("81CB0002 55667788 03627965")
        let bytes = RTCPCompound.serialize(packets)
        #expect(bytes == expected)
        let parsed = try RTCPCompound.parse(bytes)
        #expect(parsed == packets)
        #expect(RTCPCompound.serialize(parsed) == bytes)
    }

    @Test func keepsUnknownPacketsVerbatim() throws {
        let app = hexBytes("80CC0002 11223344 6E616D65")  // APP, name "name"
        let bytes = RTCPReceiverReportTests.bytes + app
        let parsed = try RTCPCompound.parse(bytes)
        #expect(parsed == [.receiverReport(RTCPReceiverReportTests.report), .unknown(packetType: 204, bytes: app)])
        #expect(RTCPCompound.serialize(parsed) == bytes)
    }

    @Test func parsesFromSlice() throws {
        let buffer = [0xEE] + RTCPReceiverReportTests.bytes
        #expect(try RTCPCompound.parse(buffer[1...]) == [.receiverReport(RTCPReceiverReportTests.report)])
    }

    @Test func rejectsEmpty() {
        #expect(throws: RTCPParseError.empty) { try RTCPCompound.parse([UInt8]()) }
    }

    @Test func rejectsShortHeaderAndTrailingOctets() {
        #expect(throws: RTCPParseError.tooShort(needed: 4, available: 3)) {
            try RTCPCompound.parse(hexBytes("80C900"))
        }
        #expect(throws: RTCPParseError.tooShort(needed: 4, available: 2)) {
            try RTCPCompound.parse(hexBytes("80C90001 55667788 0000"))
        }
    }

    @Test func rejectsBadVersion() {
        #expect(throws: RTCPParseError.badVersion(1)) {
            try RTCPCompound.parse(hexBytes("40C90001 55667788"))
        }
    }

    @Test func rejectsLengthOverflow() {
        // Length 2 means 12 octets; only 8 are there.
        #expect(throws: RTCPParseError.lengthOverflow(declared: 12, available: 8)) {
            try RTCPCompound.parse(hexBytes("80C90002 55667788"))
        }
        #expect(throws: RTCPParseError.lengthOverflow(declared: 262_144, available: 8)) {
            try RTCPCompound.parse(hexBytes("80C9FFFF 55667788"))
        }
    }

    @Test func neverTrapsOnRandomInput() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<5_000 {
            var bytes = random.bytes(Int.random(in: 0...80, using: &random))
            if bytes.count >= 4 {
                bytes[0] = bytes[0] & 0x3F | 0x80
                bytes[1] = UInt8.random(in: 200...204, using: &random)
                bytes[2] = 0
                bytes[3] = UInt8.random(in: 0...UInt8(bytes.count / 4), using: &random)
            }
            _ = try? RTCPCompound.parse(bytes)
        }
    }
}
