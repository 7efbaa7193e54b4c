import Testing
@testable import RTSP

@Suite struct RequireHeaderTests {
    /// Header text as clients send it, the tags, and the canonical serialization.
    static let cases: [(String, [String], String)] = [
        ("funky-feature", ["funky-feature"], "funky-feature"),
        ("play.basic, play.scale", ["play.basic", "play.scale"], "play.basic, play.scale"),
        ("  a ,, b,", ["a", "b"], "a, b"),
        ("com.example.x-y_z", ["com.example.x-y_z"], "com.example.x-y_z"),
        // ONVIF's tags have slashes (ONVIF Streaming Specification §5.3.1).
        ("www.onvif.org/ver20/backchannel, onvif-replay", ["www.onvif.org/ver20/backchannel", "onvif-replay"],
         "www.onvif.org/ver20/backchannel, onvif-replay"),
    ]

    @Test(arguments: cases)
    func parsesSerializesAndRoundTrips(text: String, tags: [String], canonical: String) throws {
        let header = try RequireHeader.parse(text)
        #expect(header.tags == tags)
        #expect(header.serialized == canonical)
        #expect(try RequireHeader.parse(canonical) == header)
    }

    static let garbage: [(String, RequireHeaderError)] = [
        ("", .empty), (" , ,", .empty), ("a b", .invalidTag("a b")), ("ok, bad;tag", .invalidTag("bad;tag")),
        ("tag=1", .invalidTag("tag=1")), ("\"quoted\"", .invalidTag("\"quoted\"")),
        ("a//b", .invalidTag("a//b")), ("/x", .invalidTag("/x")), ("x/", .invalidTag("x/")),
        (Array(repeating: "t", count: 33).joined(separator: ","), .tooManyTags(count: 33, limit: 32)),
        (String(repeating: "x", count: 1025), .tooLong(length: 1025, limit: 1024)),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: RequireHeaderError) {
        #expect(throws: error) { try RequireHeader.parse(text) }
        #expect(RequireHeader(parsing: text) == nil)
        #expect(error.status == .badRequest)
    }

    /// Request headers, the tags a server supports, and the tags it must answer 551 with.
    static let requests: [([(String, String)], Set<String>, [String])] = [
        ([("CSeq", "1")], [], []),
        ([("Require", "funky-feature")], [], ["funky-feature"]),
        ([("require", "a, b"), ("Proxy-Require", "b, c"), ("REQUIRE", "a")], [], ["a", "b", "c"]),
        ([("Require", "a, b"), ("Proxy-Require", "c")], ["a", "c"], ["b"]),
        ([("Require", "play.basic")], ["play.basic"], []),
    ]

    @Test(arguments: requests)
    func unsupportedTagsOfARequest(headers: [(String, String)], supported: Set<String>, expected: [String]) throws {
        let request = RTSPRequest(
            method: .play, uri: "rtsp://h/c", headers: RTSPHeaders(headers.map { RTSPHeaderField(name: $0.0, value: $0.1) }))
        #expect(try request.unsupportedOptionTags(supported: supported) == expected)
        #expect(RequireHeader(tags: expected).serialized == expected.joined(separator: ", "))
    }

    @Test func aMalformedRequireIsABadRequest() {
        let request = RTSPRequest(method: .play, uri: "*", headers: ["Require": "ok", "Proxy-Require": " , "])
        #expect(throws: RequireHeaderError.empty) { try request.unsupportedOptionTags() }
    }
}
