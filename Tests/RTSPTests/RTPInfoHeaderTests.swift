import Testing
@testable import RTSP

@Suite struct RTPInfoHeaderTests {
    static let cases: [(String, [RTPInfoEntry], String)] = [
        ("url=rtsp://h/p/trackID=0;seq=123;rtptime=456",
         [RTPInfoEntry(url: "rtsp://h/p/trackID=0", sequenceNumber: 123, rtpTime: 456)],
         "url=rtsp://h/p/trackID=0;seq=123;rtptime=456"),
        ("url=rtsp://h/a/trackID=0;seq=1;rtptime=2, url=rtsp://h/a/trackID=1;seq=65535;rtptime=4294967295",
         [RTPInfoEntry(url: "rtsp://h/a/trackID=0", sequenceNumber: 1, rtpTime: 2),
          RTPInfoEntry(url: "rtsp://h/a/trackID=1", sequenceNumber: 65535, rtpTime: 4_294_967_295)],
         "url=rtsp://h/a/trackID=0;seq=1;rtptime=2,url=rtsp://h/a/trackID=1;seq=65535;rtptime=4294967295"),
        ("url=rtsp://h/a,b/trackID=0;seq=7", [RTPInfoEntry(url: "rtsp://h/a,b/trackID=0", sequenceNumber: 7)],
         "url=rtsp://h/a,b/trackID=0;seq=7"),
        ("url=rtsp://h/x;rtptime=9;ssrc=1234", [RTPInfoEntry(url: "rtsp://h/x", rtpTime: 9, otherParameters: ["ssrc=1234"])],
         "url=rtsp://h/x;rtptime=9;ssrc=1234"),
        // A combining mark right after a separator still splits there once written back
        // (found by fuzzing: grapheme-cluster splitting kept `;\u{34B}` whole).
        ("url=rtsp://h/x;;  \u{34B}r595", [RTPInfoEntry(url: "rtsp://h/x", otherParameters: ["\u{34B}r595"])],
         "url=rtsp://h/x;\u{34B}r595"),
        ("url=rtsp://h/x,\u{301}url=rtsp://h/y", [RTPInfoEntry(url: "rtsp://h/x,\u{301}url=rtsp://h/y")],
         "url=rtsp://h/x,\u{301}url=rtsp://h/y"),
    ]

    @Test(arguments: cases)
    func parsesAndSerializes(text: String, entries: [RTPInfoEntry], canonical: String) throws {
        let header = try RTPInfoHeader.parse(text)
        #expect(header.entries == entries)
        #expect(header.serialized == canonical)
        #expect(try RTPInfoHeader.parse(canonical) == header)
    }

    static let garbage: [(String, RTPInfoHeaderError)] = [
        ("", .empty), ("seq=1", .missingURL("seq=1")),
        ("url=rtsp://h/x;seq=65536", .invalidSequenceNumber(value: "65536")),
        ("url=rtsp://h/x;seq=", .invalidSequenceNumber(value: "")),
        ("url=rtsp://h/x;rtptime=4294967296", .invalidRTPTime(value: "4294967296")),
        ("url=rtsp://h/x;rtptime=-1", .invalidRTPTime(value: "-1")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: RTPInfoHeaderError) {
        #expect(throws: error) { try RTPInfoHeader.parse(text) }
        #expect(RTPInfoHeader(parsing: text) == nil)
    }
}
