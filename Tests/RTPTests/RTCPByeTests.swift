import Testing
@testable import RTP

@Suite("RTCPBye")
struct RTCPByeTests {
    static func written(_ bye: RTCPBye) -> [UInt8] {
        var bytes: [UInt8] = []
        bye.write(into: &bytes)
        return bytes
    }

    @Test func writesExactBytes() {
        #expect(Self.written(RTCPBye(sources: [0x1122_3344])) == hexBytes("81CB0001 11223344"))
        #expect(Self.written(RTCPBye(sources: [0x1122_3344], reason: "bye")) == hexBytes("81CB0002 11223344 03627965"))
        #expect(Self.written(RTCPBye(sources: [1, 2], reason: "gone")) == hexBytes("82CB0004 00000001 00000002 04676F6E 65000000"))
        #expect(Self.written(RTCPBye(sources: [])) == hexBytes("80CB0000"))
    }

    @Test func roundTrips() throws {
        for bye in [RTCPBye(sources: [1, 2], reason: "gone"), RTCPBye(sources: [7]), RTCPBye(sources: [7], reason: "")] {
            let bytes = Self.written(bye)
            let parsed = try RTCPCompound.parse(bytes)
            #expect(parsed == [.bye(bye)])
            #expect(RTCPCompound.serialize(parsed) == bytes)
        }
    }

    @Test func truncatesLongReason() throws {
        let bytes = Self.written(RTCPBye(sources: [1], reason: String(repeating: "r", count: 400)))
        #expect(bytes[8] == 0xFF)
        #expect(try RTCPCompound.parse(bytes) == [.bye(RTCPBye(sources: [1], reason: String(repeating: "r", count: 255)))])
    }

    /// A reason longer than 255 octets is cut between characters, never inside one.
    @Test func truncatesLongReasonBetweenCharacters() throws {
        let bytes = Self.written(RTCPBye(sources: [1], reason: String(repeating: "é", count: 200)))
        #expect(bytes[8] == 254)
        #expect(try RTCPCompound.parse(bytes) == [.bye(RTCPBye(sources: [1], reason: String(repeating: "é", count: 127)))])
    }

    /// A received reason that is not UTF-8 reads as U+FFFD (three octets each), so it can grow
    /// past 255 octets; written back it was cut inside a character, and reading that again gave
    /// a different reason, whose writing gave different bytes.
    @Test func reasonReadFromInvalidUTF8WritesBackStably() throws {
        let received = hexBytes("81CB0021 00000001 7F 61") + Array(repeating: 0xFF, count: 126)
        let parsed = try RTCPCompound.parse(received)
        #expect(parsed == [.bye(RTCPBye(sources: [1], reason: "a" + String(repeating: "\u{FFFD}", count: 126)))])
        let written = RTCPCompound.serialize(parsed)
        #expect(written[8] == 253)
        let reparsed = try RTCPCompound.parse(written)
        #expect(reparsed == [.bye(RTCPBye(sources: [1], reason: "a" + String(repeating: "\u{FFFD}", count: 84)))])
        #expect(RTCPCompound.serialize(reparsed) == written)
    }

    @Test func rejectsSourceOverflow() {
        #expect(throws: RTCPParseError.byeSourceOverflow(count: 2, available: 4)) {
            try RTCPCompound.parse(hexBytes("82CB0001 11223344"))
        }
    }

    @Test func rejectsReasonOverflow() {
        #expect(throws: RTCPParseError.byeReasonOverflow(length: 9, available: 3)) {
            try RTCPCompound.parse(hexBytes("81CB0002 11223344 09627965"))
        }
    }
}
