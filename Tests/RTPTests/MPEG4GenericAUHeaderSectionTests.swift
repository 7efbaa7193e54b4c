import Randomness
import Testing
@testable import RTP

/// The RFC 3640 §3.2.1 AU Header Section: byte vectors, every truncation, round trips and the
/// limits on what the network may announce.
@Suite struct MPEG4GenericAUHeaderSectionTests {
    /// (layout, headers, octets): one table for parse, write and the fuzz seeds.
    static let cases: [(MPEG4GenericAUHeaderLayout, [MPEG4GenericAUHeader], [UInt8])] = [
        // One AAC-hbr unit of 200 octets: 16 bits of headers, 200 << 3 | index 0.
        (.aacHBR, [MPEG4GenericAUHeader(size: 200)], hexBytes("0010 0640")),
        (.aacHBR, [MPEG4GenericAUHeader(size: 341)], hexBytes("0010 0AA8")),
        // Two units, the largest 13-bit size and the smallest; the second carries a delta.
        (.aacHBR, [MPEG4GenericAUHeader(size: 8191), MPEG4GenericAUHeader(size: 1)], hexBytes("0020 FFF8 0008")),
        // AAC-lbr (§3.3.5): 6-bit size, 2-bit index and delta, one octet per header.
        (
            MPEG4GenericAUHeaderLayout(sizeLength: 6, indexLength: 2, indexDeltaLength: 2),
            [MPEG4GenericAUHeader(size: 10), MPEG4GenericAUHeader(size: 20, index: 1)], hexBytes("0010 28 51")
        ),
        // A 13-bit header alone: three bits of padding complete the octet.
        (
            MPEG4GenericAUHeaderLayout(sizeLength: 13, indexLength: 0, indexDeltaLength: 0),
            [MPEG4GenericAUHeader(size: 5)], hexBytes("000D 0028")
        ),
    ]

    /// Whole payloads (section plus data) for the fuzz seeds.
    static var payloads: [[UInt8]] {
        cases.map { _, headers, octets in
            octets + [UInt8](repeating: 0xA5, count: headers.reduce(0) { $0 + $1.size } % 300)
        }
    }

    @Test(arguments: cases.indices)
    func parsesAndWritesByteVectors(index: Int) throws {
        let (layout, headers, octets) = Self.cases[index]
        let (section, size) = try MPEG4GenericAUHeaderSection.parse(octets + [1, 2, 3], layout: layout)
        #expect(section.headers == headers)
        #expect(size == octets.count)
        #expect(MPEG4GenericAUHeaderSection(headers: headers).bytes(layout: layout) == octets)
        #expect(MPEG4GenericAUHeaderSection(headers: headers).encodedSize(layout: layout) == octets.count)
    }

    /// Every proper prefix of a section asks for more octets; none parses or crashes.
    @Test(arguments: cases.indices)
    func everyTruncationIsTooShort(index: Int) {
        let (layout, _, octets) = Self.cases[index]
        for cut in 0..<octets.count {
            #expect(throws: MPEG4GenericParseError.self) { try MPEG4GenericAUHeaderSection.parse(octets[..<cut], layout: layout) }
            if cut >= 2 {
                #expect(throws: MPEG4GenericParseError.tooShort(needed: octets.count, available: cut)) {
                    try MPEG4GenericAUHeaderSection.parse(octets[..<cut], layout: layout)
                }
            }
        }
    }

    /// Any section of random sizes writes and parses back to itself, also inside a larger buffer.
    @Test func roundTrip() throws {
        var random = SeededGenerator(seed: 3640)
        for _ in 0..<200 {
            let count = Int.random(in: 1...20, using: &random)
            let headers = (0..<count).map { _ in MPEG4GenericAUHeader(size: Int.random(in: 0...8191, using: &random)) }
            let octets = MPEG4GenericAUHeaderSection(headers: headers).bytes()
            let padded = [0xEE] + octets + [0xEE]
            let (parsed, size) = try MPEG4GenericAUHeaderSection.parse(padded[1...])
            #expect(parsed.headers == headers && size == octets.count)
        }
    }

    @Test func refusesWhatTheNetworkMayAnnounce() {
        #expect(throws: MPEG4GenericParseError.noHeaders) { try MPEG4GenericAUHeaderSection.parse(hexBytes("0000 1234")) }
        #expect(throws: MPEG4GenericParseError.partialHeader(lengthBits: 24)) {
            try MPEG4GenericAUHeaderSection.parse(hexBytes("0018 0640 0640"))
        }
        // 65535 bits of headers need 8192 octets; a short packet is refused before reading them.
        #expect(throws: MPEG4GenericParseError.tooShort(needed: 8194, available: 6)) {
            try MPEG4GenericAUHeaderSection.parse(hexBytes("FFFF 0640 0640"))
        }
        // 1501 two-octet headers exceed the limit.
        let many = hexBytes("5DD0") + [UInt8](repeating: 0x08, count: 3002)
        #expect(throws: MPEG4GenericParseError.tooManyHeaders(limit: 1500)) { try MPEG4GenericAUHeaderSection.parse(many) }
        let odd = MPEG4GenericAUHeaderLayout(sizeLength: 40, indexLength: 3, indexDeltaLength: 3)
        #expect(throws: MPEG4GenericParseError.unsupportedLayout(odd)) {
            try MPEG4GenericAUHeaderSection.parse(hexBytes("0010 0640"), layout: odd)
        }
    }
}
