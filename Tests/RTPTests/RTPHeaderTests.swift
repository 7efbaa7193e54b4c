import Randomness
import Testing
@testable import RTP

@Suite("RTPHeader")
struct RTPHeaderTests {
    @Test func writesMinimalHeader() {
        let header = RTPHeader(marker: true, payloadType: 96, sequenceNumber: 0x1234, timestamp: 0xDEAD_BEEF, ssrc: 0x0102_0304)
        var bytes: [UInt8] = []
        header.write(into: &bytes)
        #expect(bytes == hexBytes("80 E0 1234 DEADBEEF 01020304"))
        #expect(header.encodedSize == 12)
    }

    @Test func payloadTypeIsMaskedToSevenBits() {
        var bytes: [UInt8] = []
        RTPHeader(payloadType: 0xFF, sequenceNumber: 0, timestamp: 0, ssrc: 0).write(into: &bytes)
        #expect(bytes[1] == 0x7F)
    }

    @Test func parsesMinimalPacket() throws {
        let packet = hexBytes("80 E0 1234 DEADBEEF 01020304 AABBCC")
        let (header, range) = try RTPHeader.parse(packet)
        #expect(header == RTPHeader(marker: true, payloadType: 96, sequenceNumber: 0x1234, timestamp: 0xDEAD_BEEF, ssrc: 0x0102_0304))
        #expect(range == 12..<15)
    }

    // V=2 P=1 X=1 CC=2, PT=8, two CSRCs, one-word extension, two payload octets, three of padding.
    static let fullPacket = hexBytes("B2 08 0001 00000002 00000003 11111111 22222222 BEDE0001 01020304 AABB 000003")

    @Test func parsesCSRCsExtensionAndPadding() throws {
        let (header, range) = try RTPHeader.parse(Self.fullPacket)
        #expect(header.padding)
        #expect(!header.marker)
        #expect(header.payloadType == 8)
        #expect(header.sequenceNumber == 1)
        #expect(header.timestamp == 2)
        #expect(header.ssrc == 3)
        #expect(header.csrcs == [0x1111_1111, 0x2222_2222])
        #expect(header.headerExtension == RTPHeaderExtension(profile: 0xBEDE, data: [1, 2, 3, 4]))
        #expect(range == 28..<30)
        #expect(Array(Self.fullPacket[range]) == [0xAA, 0xBB])
    }

    @Test func roundTripsHeaderBytes() throws {
        let (header, range) = try RTPHeader.parse(Self.fullPacket)
        var written: [UInt8] = []
        header.write(into: &written)
        #expect(written == Array(Self.fullPacket[0..<range.lowerBound]))
        let reparsed = try RTPHeader.parse(written + Array(Self.fullPacket[range.lowerBound...]))
        #expect(reparsed.header == header)
        #expect(reparsed.payloadRange == range)
    }

    @Test func parsesFromSliceWithOffsetsRelativeToSliceStart() throws {
        let buffer = [0xFF, 0xFF] + hexBytes("80 60 0001 00000000 00000000 55")
        let (header, range) = try RTPHeader.parse(buffer[2...])
        #expect(header.sequenceNumber == 1)
        #expect(range == 12..<13)
    }

    @Test func writesExtensionPaddedToWord() {
        let header = RTPHeader(payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0, headerExtension: RTPHeaderExtension(profile: 0x1000, data: [9]))
        var bytes: [UInt8] = []
        header.write(into: &bytes)
        #expect(bytes == hexBytes("90 00 0000 00000000 00000000 10000001 09000000"))
        #expect(header.encodedSize == bytes.count)
    }

    @Test func writesAtMostFifteenCSRCs() {
        let header = RTPHeader(payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0, csrcs: Array(0..<20))
        var bytes: [UInt8] = []
        header.write(into: &bytes)
        #expect(bytes[0] == 0x8F)
        #expect(bytes.count == 12 + 15 * 4)
    }

    @Test func rejectsShortPackets() {
        #expect(throws: RTPParseError.tooShort(needed: 12, available: 11)) {
            try RTPHeader.parse(hexBytes("80 60 0001 00000000 000000"))
        }
        #expect(throws: RTPParseError.tooShort(needed: 72, available: 12)) {
            try RTPHeader.parse(hexBytes("8F 60 0001 00000000 00000000"))
        }
    }

    @Test func rejectsBadVersion() {
        #expect(throws: RTPParseError.badVersion(1)) {
            try RTPHeader.parse(hexBytes("40 60 0001 00000000 00000000"))
        }
    }

    @Test func rejectsBadPadding() {
        #expect(throws: RTPParseError.badPadding(count: 0, available: 2)) {
            try RTPHeader.parse(hexBytes("A0 60 0001 00000000 00000000 AA00"))
        }
        #expect(throws: RTPParseError.badPadding(count: 3, available: 2)) {
            try RTPHeader.parse(hexBytes("A0 60 0001 00000000 00000000 AA03"))
        }
        #expect(throws: RTPParseError.badPadding(count: 0, available: 0)) {
            try RTPHeader.parse(hexBytes("A0 60 0001 00000000 00000000"))
        }
    }

    @Test func paddingMayConsumeWholePayload() throws {
        let (_, range) = try RTPHeader.parse(hexBytes("A0 60 0001 00000000 00000000 0002"))
        #expect(range == 12..<12)
    }

    @Test func rejectsExtensionOverflow() {
        #expect(throws: RTPParseError.extensionOverflow(needed: 16, available: 14)) {
            try RTPHeader.parse(hexBytes("90 60 0001 00000000 00000000 BEDE"))
        }
        #expect(throws: RTPParseError.extensionOverflow(needed: 24, available: 20)) {
            try RTPHeader.parse(hexBytes("90 60 0001 00000000 00000000 BEDE0002 01020304"))
        }
    }

    @Test func neverTrapsOnRandomInput() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<5_000 {
            var bytes = random.bytes(Int.random(in: 0...64, using: &random))
            if !bytes.isEmpty { bytes[0] = bytes[0] & 0x3F | 0x80 }  // mostly version 2
            _ = try? RTPHeader.parse(bytes)
        }
    }
}
