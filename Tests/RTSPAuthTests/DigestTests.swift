import Testing
@testable import RTSPAuth

@Suite struct DigestTests {
    /// RFC 2617 §3.5, RFC 7616 §3.9.1, and the same inputs for MD5-sess and the RFC 2069 form
    /// (reference values computed independently).
    static let vectors: [(DigestComputation, String, String)] = [
        (DigestComputation(algorithm: .md5, username: "Mufasa", realm: "testrealm@host.com",
                           nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093", method: "GET", uri: "/dir/index.html",
                           qop: ("auth", "00000001", "0a4f113b")),
         "Circle Of Life", "6629fae49393a05397450978507c4ef1"),
        (DigestComputation(algorithm: .md5, username: "Mufasa", realm: "http-auth@example.org",
                           nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", method: "GET", uri: "/dir/index.html",
                           qop: ("auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")),
         "Circle of Life", "8ca523f5e9506fed4657c9700eebdbec"),
        (DigestComputation(algorithm: .sha256, username: "Mufasa", realm: "http-auth@example.org",
                           nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", method: "GET", uri: "/dir/index.html",
                           qop: ("auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")),
         "Circle of Life", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
        (DigestComputation(algorithm: .md5Session, username: "Mufasa", realm: "testrealm@host.com",
                           nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093", method: "GET", uri: "/dir/index.html",
                           qop: ("auth", "00000001", "0a4f113b")),
         "Circle Of Life", "8e3825c57e897f5a0dec6c2d4e5059d0"),
        (DigestComputation(algorithm: .md5, username: "Mufasa", realm: "testrealm@host.com",
                           nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093", method: "GET", uri: "/dir/index.html"),
         "Circle Of Life", "670fd8c2df070c60b045671b8b24ff02"),
    ]

    @Test(arguments: vectors)
    func computesTheReferenceResponses(computation: DigestComputation, password: String, response: String) {
        #expect(computation.response(password: password) == response)
    }

    @Test func sessionAlgorithmNeedsACnonce() {
        let computation = DigestComputation(algorithm: .sha256Session, username: "u", realm: "r", nonce: "n",
                                            method: "PLAY", uri: "/x")
        #expect(computation.response(password: "p") == nil)
    }

    @Test func algorithmNamesAreCaseInsensitiveAndMissingMeansMD5() {
        #expect(DigestAlgorithm(parameter: nil) == .md5)
        #expect(DigestAlgorithm(parameter: "sha-256") == .sha256)
        #expect(DigestAlgorithm(parameter: "md5-SESS") == .md5Session)
        #expect(DigestAlgorithm(parameter: "SHA-512-256") == nil)
    }

    static let challenges: [(DigestChallenge, String)] = [
        (DigestChallenge(realm: "camsim", nonce: "abc", algorithm: "MD5"),
         "Digest realm=\"camsim\", nonce=\"abc\", algorithm=MD5, qop=\"auth\""),
        (DigestChallenge(realm: "camsim", nonce: "abc", algorithm: "SHA-256", stale: true),
         "Digest realm=\"camsim\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth\", stale=TRUE"),
        (DigestChallenge(realm: "r", nonce: "n", offersQOP: false, opaque: "o"), "Digest realm=\"r\", nonce=\"n\", opaque=\"o\""),
    ]

    @Test(arguments: challenges)
    func challengesSerializeRealmThenNonce(challenge: DigestChallenge, text: String) throws {
        #expect(challenge.serialized == text)
        let parsed = try AuthHeaderValue.parseChallenges(text)
        #expect(try DigestChallenge(parsed[0]) == challenge)
    }

    static let credentials: [(String, DigestCredentials)] = [
        ("Digest username=\"admin\", realm=\"camsim\", nonce=\"n\", uri=\"rtsp://127.0.0.1:8554/bars\", "
            + "response=\"0123abcd\"",
         DigestCredentials(username: "admin", realm: "camsim", nonce: "n", uri: "rtsp://127.0.0.1:8554/bars", response: "0123abcd")),
        ("Digest username=\"a\", realm=\"camsim\", nonce=\"n\", uri=\"/bars\", response=\"r\", algorithm=SHA-256, "
            + "qop=auth, nc=0000000a, cnonce=\"c\"",
         DigestCredentials(username: "a", realm: "camsim", nonce: "n", uri: "/bars", response: "r", algorithm: "SHA-256",
                           qop: "auth", nc: 10, cnonce: "c")),
    ]

    @Test(arguments: credentials)
    func credentialsParseAndRoundTrip(text: String, credentials: DigestCredentials) throws {
        #expect(try DigestCredentials.parse(text) == credentials)
        #expect(credentials.serialized == text)
    }

    static let badCredentials: [(String, AuthHeaderError)] = [
        ("Basic YTpi", .wrongScheme("Basic")),
        ("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/x\"", .missingParameter("response")),
        ("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/x\", response=\"r\", qop=auth, cnonce=\"c\"",
         .missingParameter("nc")),
        ("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/x\", response=\"r\", qop=auth, nc=1, cnonce=\"c\"",
         .invalidParameter(name: "nc", value: "1")),
    ]

    @Test(arguments: badCredentials)
    func credentialsRefused(text: String, error: AuthHeaderError) {
        #expect(throws: error) { try DigestCredentials.parse(text) }
    }

    @Test func basicCredentialsRoundTrip() throws {
        let credentials = BasicCredentials(username: "admin", password: "pa:ss wörd")
        #expect(try BasicCredentials.parse(credentials.serialized) == credentials)
        #expect(try BasicCredentials.parse("Basic YWxhZGRpbjpvcGVuc2VzYW1l") == BasicCredentials(username: "aladdin", password: "opensesame"))
        #expect(throws: AuthHeaderError.invalidBasicCredentials) { try BasicCredentials.parse("Basic bm9jb2xvbg==") }
        #expect(throws: AuthHeaderError.invalidBasicCredentials) { try BasicCredentials.parse("Basic realm=x") }
    }
}
