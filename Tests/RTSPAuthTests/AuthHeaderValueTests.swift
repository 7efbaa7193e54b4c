import RTSP
import Testing
@testable import RTSPAuth

@Suite struct AuthHeaderValueTests {
    typealias P = AuthHeaderValue.Parameter

    /// `WWW-Authenticate` values: text, challenges, canonical form.
    static let challenges: [(String, [AuthHeaderValue], String)] = [
        ("Basic realm=\"camsim\"", [AuthHeaderValue(scheme: "Basic", parameters: [P("realm", "camsim")])],
         "Basic realm=\"camsim\""),
        ("Digest realm=\"camsim\", nonce=\"abc\", algorithm=MD5, qop=\"auth\", stale=TRUE",
         [AuthHeaderValue(scheme: "Digest", parameters: [
             P("realm", "camsim"), P("nonce", "abc"), P("algorithm", "MD5", quoted: false), P("qop", "auth"),
             P("stale", "TRUE", quoted: false),
         ])],
         "Digest realm=\"camsim\", nonce=\"abc\", algorithm=MD5, qop=\"auth\", stale=TRUE"),
        // Two challenges in one value, odd spacing, an escaped quote, an empty quoted value.
        ("Basic   realm = \"a \\\"b\\\"\" ,, Digest realm=\"\",nonce=n1",
         [AuthHeaderValue(scheme: "Basic", parameters: [P("realm", "a \"b\"")]),
          AuthHeaderValue(scheme: "Digest", parameters: [P("realm", ""), P("nonce", "n1", quoted: false)])],
         "Basic realm=\"a \\\"b\\\"\", Digest realm=\"\", nonce=n1"),
        ("Negotiate", [AuthHeaderValue(scheme: "Negotiate")], "Negotiate"),
        // A lone word after the scheme is token68 (RFC 7235 §2.1).
        ("Digest realm", [AuthHeaderValue(scheme: "Digest", token68: "realm")], "Digest realm"),
        ("Negotiate, Basic realm=x", [AuthHeaderValue(scheme: "Negotiate"),
                                      AuthHeaderValue(scheme: "Basic", parameters: [P("realm", "x", quoted: false)])],
         "Negotiate, Basic realm=x"),
    ]

    @Test(arguments: challenges)
    func challengesParseAndSerialize(text: String, values: [AuthHeaderValue], canonical: String) throws {
        let parsed = try AuthHeaderValue.parseChallenges(text)
        #expect(parsed == values)
        #expect(parsed.map(\.serialized).joined(separator: ", ") == canonical)
        #expect(try AuthHeaderValue.parseChallenges(canonical) == values)
    }

    /// `Authorization` values: text, credentials, canonical form.
    static let credentials: [(String, AuthHeaderValue, String)] = [
        ("Basic dXNlcjpwYXNz", AuthHeaderValue(scheme: "Basic", token68: "dXNlcjpwYXNz"), "Basic dXNlcjpwYXNz"),
        ("basic YTpi==  ", AuthHeaderValue(scheme: "basic", token68: "YTpi=="), "basic YTpi=="),
        ("Digest username=\"u\", realm=\"camsim\", nonce=\"n\", uri=\"rtsp://h/bars\", response=\"r\"",
         AuthHeaderValue(scheme: "Digest", parameters: [
             P("username", "u"), P("realm", "camsim"), P("nonce", "n"), P("uri", "rtsp://h/bars"), P("response", "r"),
         ]),
         "Digest username=\"u\", realm=\"camsim\", nonce=\"n\", uri=\"rtsp://h/bars\", response=\"r\""),
        // An unquoted uri, as some clients send it.
        ("Digest uri=/bars/trackID=0,nc=00000001", AuthHeaderValue(scheme: "Digest", parameters: [
            P("uri", "/bars/trackID=0", quoted: false), P("nc", "00000001", quoted: false),
        ]), "Digest uri=/bars/trackID=0, nc=00000001"),
    ]

    @Test(arguments: credentials)
    func credentialsParseAndSerialize(text: String, value: AuthHeaderValue, canonical: String) throws {
        let parsed = try AuthHeaderValue.parseCredentials(text)
        #expect(parsed == value)
        #expect(parsed.serialized == canonical)
        #expect(try AuthHeaderValue.parseCredentials(canonical) == value)
    }

    static let garbage: [(String, AuthHeaderError)] = [
        ("", .empty),
        ("  , ", .empty),
        ("Digest realm=\"camsim", .unterminatedQuotedString(name: "realm")),
        ("Digest realm=\"a\", nonce=", .expectedValue(name: "nonce")),
        ("Digest realm=\"a\", nonce==x", .expectedValue(name: "nonce")),
        ("Digest realm=\"a\", =b", .expectedToken(offset: 18)),
        ("Digest realm=\"a\" nonce=\"b\"", .expectedComma(offset: 17)),
        ("Digest realm=a, Realm=b", .duplicateParameter("Realm")),
        ("Digest=x", .expectedComma(offset: 6)),
        ("\"quoted\"", .expectedToken(offset: 0)),
        (String(repeating: "a", count: 8193), .tooLong(length: 8193, limit: 8192)),
        ("Digest " + (0...32).map { "p\($0)=1" }.joined(separator: ", "), .tooManyParameters(limit: 32)),
        ((0...8).map { "S\($0)" }.joined(separator: ", "), .tooManyChallenges(limit: 8)),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: AuthHeaderError) {
        #expect(throws: error) { try AuthHeaderValue.parseChallenges(text) }
    }

    @Test func credentialsAreOneValue() {
        #expect(throws: AuthHeaderError.tooManyChallenges(limit: 1)) {
            try AuthHeaderValue.parseCredentials("Basic YTpi, Basic YzpK")
        }
    }

    /// The header arrives in a request split at every byte; the value read is the same.
    @Test(arguments: credentials.map(\.0) + challenges.map(\.0))
    func parsesFromARequestSplitAtEveryByte(value: String) throws {
        let request = Array("DESCRIBE rtsp://h/bars RTSP/1.0\r\nCSeq: 2\r\nAuthorization: \(value)\r\n\r\n".utf8)
        let whole = try AuthHeaderValue.parseChallenges(value)
        for cut in 1..<request.count {
            var parser = RTSPMessageParser()
            parser.append(request[..<cut])
            var events: [RTSPParseEvent] = []
            while let event = parser.next() { events.append(event) }
            parser.append(request[cut...])
            while let event = parser.next() { events.append(event) }
            guard events.count == 1, case .request(let parsed) = events[0], let header = parsed.headers["Authorization"] else {
                Issue.record("split at \(cut): \(events)")
                return
            }
            #expect(try AuthHeaderValue.parseChallenges(header) == whole)
        }
    }

    /// Whatever parses, serializes to text that parses to the same values.
    @Test func roundTripsGeneratedValues() throws {
        let pieces = ["Digest", " ", "realm", "=", "\"a,b\"", ",", "nonce", "x", "\\\"", "Basic", "==", "\t", "é", "/"]
        var state: UInt64 = 7
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            guard let values = try? AuthHeaderValue.parseChallenges(text) else { continue }
            let written = values.map(\.serialized).joined(separator: ", ")
            #expect(try AuthHeaderValue.parseChallenges(written) == values, "\(text) -> \(written)")
        }
    }
}
