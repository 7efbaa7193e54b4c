import RTSP
import RTSPAuth
import Testing
@testable import RTSPClient

@Suite struct RTSPClientStateMachineTests {
    static let publicWithGetParameter: [(String, String)] = [("Public", "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER")]

    /// OPTIONS, DESCRIBE, SETUP for both tracks, PLAY: every request and the playing session.
    static func play(_ rig: inout ClientRig, publicHeader: [(String, String)] = publicWithGetParameter,
                     sessionTimeout: Int? = 30) throws -> RTSPClientSession {
        let options = try #require(ClientRig.sent(rig.connected()))
        #expect(options.method == .options && options.uri == "rtsp://cam.example:8554/live")
        let describe = try #require(ClientRig.sent(rig.answer(options, headers: publicHeader)))
        #expect(describe.method == .describe && describe.headers["Accept"] == "application/sdp")
        let described = rig.answer(describe, headers: [("Content-Base", "rtsp://cam.example:8554/live/")], body: SDPs.relative)
        guard case .described(let description, let selected)? = described.first else {
            Issue.record("expected .described, got \(described)")
            throw RTSPClientError.noTracks(url: "")
        }
        #expect(selected == [0, 1])
        #expect(description.tracks.map(\.url.requestURI)
            == ["rtsp://cam.example:8554/live/track1", "rtsp://cam.example:8554/live/track2"])
        let setup1 = try #require(ClientRig.sent(rig.machine.setUp(now: rig.now)))
        #expect(setup1.method == .setup && setup1.uri == "rtsp://cam.example:8554/live/track1")
        #expect(setup1.headers["Transport"] == "RTP/AVP/TCP;unicast;interleaved=0-1")
        #expect(setup1.headers["Session"] == nil)
        let session = sessionTimeout.map { "f00d;timeout=\($0)" } ?? "f00d"
        let setup2 = try #require(ClientRig.sent(rig.answer(
            setup1, headers: [("Session", session), ("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=0000BEEF")])))
        #expect(setup2.uri == "rtsp://cam.example:8554/live/track2")
        #expect(setup2.headers["Transport"] == "RTP/AVP/TCP;unicast;interleaved=2-3")
        #expect(setup2.headers["Session"] == "f00d")
        let play = try #require(ClientRig.sent(rig.answer(
            setup2, headers: [("Session", session), ("Transport", "RTP/AVP/TCP;unicast;interleaved=2-3")])))
        #expect(play.method == .play && play.uri == "rtsp://cam.example:8554/live/")
        #expect(play.headers["Session"] == "f00d" && play.headers["Range"] == "npt=0.000-")
        let playing = rig.answer(play, headers: [
            ("Session", "f00d"),
            ("RTP-Info", "url=rtsp://cam.example:8554/live/track1;seq=100;rtptime=9000,url=track2;seq=7;rtptime=160"),
        ])
        guard case .playing(let answer)? = playing.first else {
            Issue.record("expected .playing, got \(playing)")
            throw RTSPClientError.noTracks(url: "")
        }
        return answer
    }

    @Test func describeSetupPlayOverTCP() throws {
        var rig = try ClientRig()
        let session = try Self.play(&rig)
        #expect(session.id == "f00d")
        #expect(session.timeout == .seconds(30))
        #expect(session.transports.map(\.rtpChannel) == [0, 2])
        #expect(session.transports.map(\.rtcpChannel) == [1, 3])
        #expect(session.transports[0].ssrc == 0xBEEF)
        #expect(session.transports.map(\.initialSequenceNumber) == [100, 7])
        #expect(session.transports.map(\.initialTimestamp) == [9000, 160])
        #expect(rig.machine.phase == .playing)
    }

    @Test func udpOffersClientPortsAndReadsServerPorts() throws {
        var rig = try ClientRig(RTSPClientConfiguration(url: "rtsp://cam.example/live", transport: .udp, tracks: [0]))
        let options = try #require(ClientRig.sent(rig.connected()))
        let describe = try #require(ClientRig.sent(rig.answer(options)))
        let described = rig.answer(describe, body: SDPs.relative)
        guard case .described(_, let selected)? = described.first else { Issue.record("\(described)"); return }
        #expect(selected == [0])
        let setup = try #require(ClientRig.sent(rig.machine.setUp(clientPorts: [RTSPClientPortPair(rtp: 50000, rtcp: 50001)], now: .zero)))
        #expect(setup.uri == "rtsp://cam.example/live/track1")
        #expect(setup.headers["Transport"] == "RTP/AVP;unicast;client_port=50000-50001")
        let play = try #require(ClientRig.sent(rig.answer(setup, headers: [
            ("Session", "s1"), ("Transport", "RTP/AVP;unicast;client_port=50000-50001;server_port=6970-6971"),
        ])))
        // Without Content-Base or a session-level control, the aggregate URL is the request URL.
        #expect(play.uri == "rtsp://cam.example/live")
        guard case .playing(let session)? = rig.answer(play).first else { Issue.record("not playing"); return }
        #expect(session.transports[0].serverPorts == RTSPClientPortPair(rtp: 6970, rtcp: 6971))
        #expect(session.timeout == .seconds(60))
    }

    /// Keepalives go out at half the session timeout, as GET_PARAMETER when Public lists it.
    @Test func keepaliveAtHalfTheSessionTimeout() throws {
        var rig = try ClientRig()
        _ = rig.advance(to: 10)
        _ = try Self.play(&rig)
        #expect(rig.machine.nextDeadline == .seconds(25))
        #expect(rig.advance(to: 24.9).isEmpty)
        let first = try #require(ClientRig.sent(rig.advance(to: 25)))
        #expect(first.method == .getParameter && first.uri == "rtsp://cam.example:8554/live/")
        #expect(first.headers["Session"] == "f00d")
        // While the keepalive waits for its answer, no second one goes out.
        #expect(rig.advance(to: 26).isEmpty)
        #expect(rig.answer(first).isEmpty)
        #expect(rig.advance(to: 39.9).isEmpty)
        let second = try #require(ClientRig.sent(rig.advance(to: 40)))
        #expect(second.method == .getParameter)
        #expect(Int(second.headers["CSeq"] ?? "") == Int(first.headers["CSeq"] ?? "")! + 1)
    }

    @Test func keepaliveIsOptionsWithoutGetParameter() throws {
        var rig = try ClientRig()
        _ = try Self.play(&rig, publicHeader: [("Public", "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN")], sessionTimeout: nil)
        #expect(rig.advance(to: 29.9).isEmpty)
        let keepalive = try #require(ClientRig.sent(rig.advance(to: 30)))
        #expect(keepalive.method == .options && keepalive.headers["Session"] == "f00d")
    }

    /// A keepalive left unanswered ends the session with a timeout naming it.
    @Test func sessionTimeoutWhenKeepaliveUnanswered() throws {
        var rig = try ClientRig()
        _ = try Self.play(&rig)
        let keepalive = try #require(ClientRig.sent(rig.advance(to: 15)))
        #expect(rig.advance(to: 24.9).isEmpty)
        #expect(rig.advance(to: 25) == [.close(.responseTimeout(method: .getParameter, url: keepalive.uri))])
        #expect(rig.machine.phase == .closed)
        #expect(rig.advance(to: 100).isEmpty)
    }

    @Test func sessionNotFoundOnKeepalive() throws {
        var rig = try ClientRig()
        _ = try Self.play(&rig)
        let keepalive = try #require(ClientRig.sent(rig.advance(to: 15)))
        #expect(rig.answer(keepalive, .sessionNotFound) == [.close(.sessionExpired(url: keepalive.uri))])
    }

    @Test func teardownEndsTheSession() throws {
        var rig = try ClientRig()
        _ = try Self.play(&rig)
        let teardown = try #require(ClientRig.sent(rig.machine.tearDown(now: rig.now)))
        #expect(teardown.method == .teardown && teardown.uri == "rtsp://cam.example:8554/live/")
        #expect(teardown.headers["Session"] == "f00d")
        #expect(rig.answer(teardown) == [.close(nil)])
    }

    @Test func teardownWithoutSessionClosesAtOnce() throws {
        var rig = try ClientRig()
        _ = rig.connected()
        #expect(rig.machine.tearDown(now: .zero) == [.close(nil)])
    }

    /// An error status names the request it answered.
    @Test func errorStatusNamesTheRequest() throws {
        var rig = try ClientRig()
        let options = try #require(ClientRig.sent(rig.connected()))
        let describe = try #require(ClientRig.sent(rig.answer(options)))
        _ = rig.answer(describe, body: SDPs.relative)
        let setup = try #require(ClientRig.sent(rig.machine.setUp(now: .zero)))
        let actions = rig.answer(setup, .unsupportedTransport)
        #expect(actions == [.close(.status(method: .setup, url: "rtsp://cam.example:8554/live/track1", status: .unsupportedTransport))])
        #expect("\(RTSPClientError.status(method: .setup, url: "rtsp://x/t", status: .unsupportedTransport))"
            == "SETUP rtsp://x/t: 461 Unsupported transport")
    }

    @Test func notFoundOnDescribe() throws {
        var rig = try ClientRig()
        let options = try #require(ClientRig.sent(rig.connected()))
        let describe = try #require(ClientRig.sent(rig.answer(options)))
        #expect(rig.answer(describe, .notFound) == [.close(.status(method: .describe, url: describe.uri, status: .notFound))])
    }

    /// A failed OPTIONS does not stop the session: DESCRIBE follows.
    @Test func optionsFailureIsTolerated() throws {
        var rig = try ClientRig()
        let options = try #require(ClientRig.sent(rig.connected()))
        #expect(ClientRig.sent(rig.answer(options, .notImplemented))?.method == .describe)
    }

    // MARK: - Redirects

    @Test func redirectReconnectsToLocation() throws {
        var rig = try ClientRig()
        let options = try #require(ClientRig.sent(rig.connected()))
        let describe = try #require(ClientRig.sent(rig.answer(options)))
        let target = try #require(ClientURL("rtsp://other.example:9554/real"))
        #expect(rig.answer(describe, RTSPStatus(code: 302), headers: [("Location", "rtsp://other.example:9554/real")])
            == [.reconnect(to: target)])
        #expect(rig.machine.phase == .idle)
        let again = try #require(ClientRig.sent(rig.connected()))
        #expect(again.method == .options && again.uri == "rtsp://other.example:9554/real")
        let describe2 = try #require(ClientRig.sent(rig.answer(again)))
        #expect(describe2.uri == "rtsp://other.example:9554/real")
    }

    @Test func relativeLocation() throws {
        var rig = try ClientRig()
        let options = try #require(ClientRig.sent(rig.connected()))
        let actions = rig.answer(options, RTSPStatus(code: 301), headers: [("Location", "/moved/here")])
        #expect(actions == [.reconnect(to: ClientURL("rtsp://cam.example:8554/moved/here")!)])
    }

    @Test func redirectsAreBounded() throws {
        var rig = try ClientRig(RTSPClientConfiguration(url: "rtsp://a/0", maximumRedirects: 3))
        for hop in 1...3 {
            let options = try #require(ClientRig.sent(rig.connected()))
            let actions = rig.answer(options, RTSPStatus(code: 302), headers: [("Location", "rtsp://a/\(hop)")])
            #expect(actions == [.reconnect(to: ClientURL("rtsp://a/\(hop)")!)])
        }
        let options = try #require(ClientRig.sent(rig.connected()))
        #expect(rig.answer(options, RTSPStatus(code: 302), headers: [("Location", "rtsp://a/4")])
            == [.close(.tooManyRedirects(limit: 3))])
    }

    @Test func redirectWithoutLocation() throws {
        var rig = try ClientRig()
        let options = try #require(ClientRig.sent(rig.connected()))
        #expect(rig.answer(options, RTSPStatus(code: 302)) == [.close(.invalidRedirect(method: .options, location: nil))])
    }

    // MARK: - Authentication

    /// 401 with a Digest challenge: the request goes again with credentials a server
    /// computing the digest itself accepts, and later requests carry them with nc counting up.
    @Test(arguments: [(nil as String?, DigestAlgorithm.md5), ("SHA-256", .sha256), ("MD5", .md5)])
    func unauthorizedThenDigest(algorithm: String?, expected: DigestAlgorithm) throws {
        var rig = try ClientRig(url: "rtsp://alice:s3cret@cam.example:8554/live")
        let options = try #require(ClientRig.sent(rig.connected()))
        #expect(options.uri == "rtsp://cam.example:8554/live")
        #expect(options.headers["Authorization"] == nil)
        let algorithmParameter = algorithm.map { ", algorithm=\($0)" } ?? ""
        let challenge = "Digest realm=\"camsim\", nonce=\"n0nce\"\(algorithmParameter), qop=\"auth\", opaque=\"op\""
        let retried = try #require(ClientRig.sent(rig.answer(options, .unauthorized, headers: [("WWW-Authenticate", challenge)])))
        #expect(retried.method == .options)
        #expect(retried.headers["CSeq"] != options.headers["CSeq"])
        let credentials = try DigestCredentials.parse(try #require(retried.headers["Authorization"]))
        #expect(credentials.username == "alice" && credentials.realm == "camsim" && credentials.nonce == "n0nce")
        #expect(credentials.uri == retried.uri)
        #expect(credentials.qop == "auth" && credentials.nc == 1 && credentials.cnonce == "0a4f113b")
        #expect(credentials.opaque == "op")
        let computation = try #require(credentials.computation(method: "OPTIONS"))
        #expect(computation.algorithm == expected)
        #expect(computation.response(password: "s3cret") == credentials.response)
        #expect(computation.response(password: "wrong") != credentials.response)
        #expect(!retried.headers.fields.contains { $0.value.contains("s3cret") })

        let describe = try #require(ClientRig.sent(rig.answer(retried)))
        let next = try DigestCredentials.parse(try #require(describe.headers["Authorization"]))
        #expect(next.nc == 2)
        #expect(next.computation(method: "DESCRIBE")?.response(password: "s3cret") == next.response)
    }

    /// SHA-256 is chosen over MD5 when both are offered (RFC 7616 §3.7).
    @Test func digestPrefersSHA256() throws {
        var rig = try ClientRig(RTSPClientConfiguration(url: "rtsp://cam.example/live", username: "u", password: "p"))
        let options = try #require(ClientRig.sent(rig.connected()))
        let retried = try #require(ClientRig.sent(rig.answer(options, .unauthorized, headers: [
            ("WWW-Authenticate", "Digest realm=\"r\", nonce=\"a\", algorithm=MD5"),
            ("WWW-Authenticate", "Digest realm=\"r\", nonce=\"b\", algorithm=SHA-256"),
            ("WWW-Authenticate", "Basic realm=\"r\""),
        ])))
        let credentials = try DigestCredentials.parse(try #require(retried.headers["Authorization"]))
        #expect(credentials.algorithm == "SHA-256" && credentials.nonce == "b")
        // No qop offered: RFC 2069's form, without nc and cnonce.
        #expect(credentials.qop == nil && credentials.nc == nil && credentials.cnonce == nil)
        #expect(credentials.computation(method: "OPTIONS")?.response(password: "p") == credentials.response)
    }

    @Test func basicWhenOnlyBasicIsOffered() throws {
        var rig = try ClientRig(RTSPClientConfiguration(url: "rtsp://cam.example/live", username: "u", password: "p:w"))
        let options = try #require(ClientRig.sent(rig.connected()))
        let retried = try #require(ClientRig.sent(rig.answer(options, .unauthorized, headers: [("WWW-Authenticate", "Basic realm=\"r\"")])))
        #expect(try BasicCredentials.parse(try #require(retried.headers["Authorization"])) == BasicCredentials(username: "u", password: "p:w"))
    }

    /// A second 401 for the same request, or a 401 with no credentials to give, ends the session.
    @Test func secondUnauthorizedFails() throws {
        var rig = try ClientRig(url: "rtsp://u:p@cam.example/live")
        let options = try #require(ClientRig.sent(rig.connected()))
        let challenge = [("WWW-Authenticate", "Digest realm=\"r\", nonce=\"a\"")]
        let retried = try #require(ClientRig.sent(rig.answer(options, .unauthorized, headers: challenge)))
        #expect(rig.answer(retried, .unauthorized, headers: challenge) == [.close(.unauthorized(method: .options, url: retried.uri))])

        var anonymous = try ClientRig(url: "rtsp://cam.example/live")
        let request = try #require(ClientRig.sent(anonymous.connected()))
        #expect(anonymous.answer(request, .unauthorized, headers: challenge)
            == [.close(.unauthorized(method: .options, url: "rtsp://cam.example/live"))])
    }

    @Test func unknownSchemeFails() throws {
        var rig = try ClientRig(url: "rtsp://u:p@cam.example/live")
        let options = try #require(ClientRig.sent(rig.connected()))
        let actions = rig.answer(options, .unauthorized, headers: [("WWW-Authenticate", "Negotiate abc")])
        #expect(actions == [.close(.unsupportedAuthentication(method: .options, challenges: ["Negotiate abc"]))])
    }

    // MARK: - Other endings

    @Test func responseTimeoutOnDescribe() throws {
        var rig = try ClientRig()
        let options = try #require(ClientRig.sent(rig.connected()))
        let describe = try #require(ClientRig.sent(rig.answer(options)))
        #expect(rig.advance(to: 9.9).isEmpty)
        #expect(rig.advance(to: 10) == [.close(.responseTimeout(method: .describe, url: describe.uri))])
    }

    @Test func connectionLossAndFatalParseErrors() throws {
        var rig = try ClientRig()
        _ = rig.connected()
        #expect(rig.machine.malformed(.malformedHeader(excerpt: "x")).isEmpty)
        #expect(rig.machine.malformed(.bodyTooLarge(length: 1, limit: 0)) == [.close(.malformedStream(.bodyTooLarge(length: 1, limit: 0)))])
        var other = try ClientRig()
        _ = other.connected()
        #expect(other.machine.connectionClosed(reason: "reset") == [.close(.connectionClosed(reason: "reset"))])
    }

    @Test func invalidURL() {
        #expect(throws: RTSPClientError.invalidURL("http://x/")) {
            try RTSPClientStateMachine(configuration: RTSPClientConfiguration(url: "http://x/"))
        }
    }

    /// Only the media asked for are set up.
    @Test func trackSelection() throws {
        var rig = try ClientRig(RTSPClientConfiguration(url: "rtsp://cam.example/live", tracks: [1]))
        let options = try #require(ClientRig.sent(rig.connected()))
        let describe = try #require(ClientRig.sent(rig.answer(options)))
        guard case .described(_, let selected)? = rig.answer(describe, body: SDPs.relative).first else {
            Issue.record("not described"); return
        }
        #expect(selected == [1])
        let setup = try #require(ClientRig.sent(rig.machine.setUp(now: .zero)))
        #expect(setup.uri == "rtsp://cam.example/live/track2")
        var none = try ClientRig(RTSPClientConfiguration(url: "rtsp://cam.example/live", tracks: [7]))
        let o = try #require(ClientRig.sent(none.connected()))
        let d = try #require(ClientRig.sent(none.answer(o)))
        #expect(none.answer(d, body: SDPs.relative) == [.close(.noTracks(url: d.uri))])
    }
}
