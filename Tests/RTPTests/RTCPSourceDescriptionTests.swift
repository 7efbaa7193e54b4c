import Testing
@testable import RTP

@Suite("RTCPSourceDescription")
struct RTCPSourceDescriptionTests {
    static func written(_ description: RTCPSourceDescription) -> [UInt8] {
        var bytes: [UInt8] = []
        description.write(into: &bytes)
        return bytes
    }

    @Test func cnameNullTerminatorAndPadding() {
        // SSRC (4) + type, length (2) + text, then one to four null octets to the boundary.
        #expect(Self.written(.init(ssrc: 0x1122_3344, cname: "a")) == hexBytes("81CA0002 11223344 010161 00"))
        #expect(Self.written(.init(ssrc: 0x1122_3344, cname: "ab")) == hexBytes("81CA0003 11223344 01026162 00000000"))
        #expect(Self.written(.init(ssrc: 0x1122_3344, cname: "abc")) == hexBytes("81CA0003 11223344 0103616263 000000"))
        #expect(Self.written(.init(ssrc: 0x1122_3344, cname: "abcd")) == hexBytes("81CA0003 11223344 010461626364 0000"))
    }

    static let twoChunks = RTCPSourceDescription(chunks: [
        .init(ssrc: 1, items: [.init(type: .cname, text: "cam@h"), .init(type: .tool, text: "camsim")]),
        .init(ssrc: 2, items: []),
    ])
    static let twoChunksBytes = hexBytes("82CA0007 00000001 0105 63616D4068 0606 63616D73696D 00 00000002 00000000")

    @Test func writesSeveralChunksAndItems() {
        #expect(Self.written(Self.twoChunks) == Self.twoChunksBytes)
    }

    @Test func roundTrips() throws {
        let parsed = try RTCPCompound.parse(Self.twoChunksBytes)
        #expect(parsed == [.sourceDescription(Self.twoChunks)])
        #expect(RTCPCompound.serialize(parsed) == Self.twoChunksBytes)
        guard case .sourceDescription(let description) = parsed.first else { return }
        #expect(description.cname(for: 1) == "cam@h")
        #expect(description.cname(for: 2) == nil)
    }

    @Test func truncatesLongValuesToLengthField() throws {
        let long = String(repeating: "x", count: 300)
        let bytes = Self.written(.init(ssrc: 1, cname: long))
        #expect(bytes[9] == 0xFF)  // the item's length field
        #expect(bytes.count == 4 + 4 + 2 + 255 + 3)  // one null octet, two of padding
        #expect(try RTCPCompound.parse(bytes) == [.sourceDescription(.init(ssrc: 1, cname: String(repeating: "x", count: 255)))])
    }

    @Test func rejectsTruncatedChunks() {
        #expect(throws: RTCPParseError.sdesChunkTruncated(chunk: 1)) {
            try RTCPCompound.parse(hexBytes("82CA0002 11223344 010161 00"))
        }
        // Items run to the end without the null terminator.
        #expect(throws: RTCPParseError.sdesChunkTruncated(chunk: 0)) {
            try RTCPCompound.parse(hexBytes("81CA0002 11223344 01026162"))
        }
    }

    @Test func rejectsItemOverflow() {
        #expect(throws: RTCPParseError.sdesItemOverflow(chunk: 0)) {
            try RTCPCompound.parse(hexBytes("81CA0002 11223344 01056162"))
        }
        #expect(throws: RTCPParseError.sdesItemOverflow(chunk: 0)) {
            try RTCPCompound.parse(hexBytes("81CA0002 11223344 010161 01"))
        }
    }
}
