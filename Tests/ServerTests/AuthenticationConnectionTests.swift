import NIOCore
import RTSPAuth
import Testing
@testable import Server

/// Authentication in the connection's request path, against a clock the test moves.
@Suite struct AuthenticationConnectionTests {
    static let setup = AuthenticationSetup(users: [AuthUser(name: "admin", password: "pw")], defaultMode: .basic)

    static func request(_ method: String, _ url: String = "rtsp://camsim.test/cam", cseq: Int, _ headers: String = "") -> String {
        "\(method) \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\n\(headers)\r\n"
    }

    // GET_PARAMETER stands for every method that needs credentials: DESCRIBE waits for an
    // encoder these cameras never run.
    @Test func withoutUsersNothingIsAsked() throws {
        let server = FakeRTSPServer()
        defer { server.shutdown() }
        let client = try server.connect()
        #expect(try client.answer(Self.request("GET_PARAMETER", cseq: 1)).status == 200)
    }

    @Test func digestNonceGoesStaleWithTheClock() throws {
        let server = FakeRTSPServer(authentication: AuthenticationSetup(
            users: [AuthUser(name: "admin", password: "pw")], nonceLifetime: 60_000_000_000))
        defer { server.shutdown() }
        let client = try server.connect()
        let challenge = try client.answer(Self.request("GET_PARAMETER", cseq: 1))
        #expect(challenge.status == 401)
        let last = try AuthHeaderValue.parseChallenges(try #require(challenge.headers["www-authenticate"]))[0]
        let nonce = try #require(last["nonce"])
        func answer(_ nc: UInt32) -> String {
            var credentials = DigestCredentials(
                username: "admin", realm: "camsim", nonce: nonce, uri: "rtsp://camsim.test/cam", response: "",
                algorithm: "MD5", qop: "auth", nc: nc, cnonce: "abc")
            credentials.response = credentials.computation(method: "GET_PARAMETER")!.response(password: "pw")!
            return "Authorization: \(credentials.serialized)\r\n"
        }
        #expect(try client.answer(Self.request("GET_PARAMETER", cseq: 2, answer(1))).status == 200)
        server.clock.advance(seconds: 61)
        let stale = try client.answer(Self.request("GET_PARAMETER", cseq: 3, answer(2)))
        #expect(stale.status == 401)
        #expect(stale.headers["www-authenticate"]?.hasSuffix("stale=TRUE") == true, "\(stale.headers)")
    }

    @Test func repeatedFailuresAreAnsweredSlowly() throws {
        let server = FakeRTSPServer(authentication: Self.setup)
        defer { server.shutdown() }
        let client = try server.connect()
        let wrong = "Authorization: \(BasicCredentials(username: "admin", password: "no").serialized)\r\n"
        for cseq in 1...4 {
            #expect(try client.answer(Self.request("DESCRIBE", cseq: cseq, wrong)).status == 401)
        }
        // The fifth failure's 401 waits 250 ms.
        #expect(try client.send(Self.request("DESCRIBE", cseq: 5, wrong)).isEmpty)
        client.channel.embeddedEventLoop.advanceTime(by: .milliseconds(249))
        #expect(try client.responses().isEmpty)
        client.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(try client.responses().map(\.status) == [401])
    }

    @Test func keepalivesRideOnTheSessionButNotOntoAnotherCamera() throws {
        let server = FakeRTSPServer(authentication: Self.setup)
        defer { server.shutdown() }
        let client = try server.connect()
        let good = "Authorization: \(BasicCredentials(username: "admin", password: "pw").serialized)\r\n"
        let setup = try client.answer(
            "SETUP rtsp://camsim.test/cam/trackID=0 RTSP/1.0\r\nCSeq: 1\r\n\(good)Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n")
        let session = try #require(setup.headers["session"]?.split(separator: ";").first.map(String.init), "\(setup.status)")
        #expect(try client.answer(Self.request("GET_PARAMETER", cseq: 2, "Session: \(session)\r\n")).status == 200)
        #expect(try client.answer(Self.request("GET_PARAMETER", "rtsp://camsim.test/other", cseq: 3, "Session: \(session)\r\n")).status == 401)
        #expect(try client.answer(Self.request("OPTIONS", cseq: 4)).status == 200)
    }
}
