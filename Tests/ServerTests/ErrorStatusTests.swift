import Faults
import Testing
@testable import Server

/// Every error status the server answers, through the real connection logic on an
/// `EmbeddedChannel` with fakes behind it: the status and the echoed CSeq are exact.
/// The tests are synchronous, so each channel stays on the thread that made it.
@Suite struct ErrorStatusTests {
    static let url = "rtsp://127.0.0.1:8554/cam"
    static let tcp = "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n"

    static let cases: [(name: String, request: String, status: Int, cseq: String?)] = [
        ("garbage request line", "HELLO\r\n\r\n", 400, nil),
        ("missing CSeq", "OPTIONS \(url) RTSP/1.0\r\n\r\n", 400, nil),
        ("RTSP/2.0", "OPTIONS \(url) RTSP/2.0\r\nCSeq: 1\r\n\r\n", 505, "1"),
        ("unknown method", "FOO \(url) RTSP/1.0\r\nCSeq: 2\r\n\r\n", 501, "2"),
        ("RECORD", "RECORD \(url) RTSP/1.0\r\nCSeq: 3\r\n\r\n", 405, "3"),
        ("unknown path", "SETUP rtsp://127.0.0.1:8554/nope/trackID=0 RTSP/1.0\r\nCSeq: 4\r\n\(tcp)\r\n", 404, "4"),
        ("unknown track", "SETUP \(url)/trackID=3 RTSP/1.0\r\nCSeq: 5\r\n\(tcp)\r\n", 404, "5"),
        ("unknown session", "PLAY \(url) RTSP/1.0\r\nCSeq: 6\r\nSession: nosuchsession\r\n\r\n", 454, "6"),
        ("PLAY without session", "PLAY \(url) RTSP/1.0\r\nCSeq: 7\r\n\r\n", 454, "7"),
        ("multicast only", "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 8\r\nTransport: RTP/AVP;multicast;destination=224.2.0.1;port=3456-3457\r\n\r\n", 461, "8"),
        ("SAVP profile", "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 9\r\nTransport: RTP/SAVP/TCP;unicast;interleaved=0-1\r\n\r\n", 461, "9"),
        ("SETUP without Transport", "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 10\r\n\r\n", 400, "10"),
        ("unknown fault parameter", "SETUP \(url)/trackID=0?lose=5 RTSP/1.0\r\nCSeq: 11\r\n\(tcp)\r\n", 400, "11"),
        ("oversized body", "SET_PARAMETER \(url) RTSP/1.0\r\nCSeq: 12\r\nContent-Length: 70000\r\n\r\n", 413, "12"),
        ("request line too long", "OPTIONS rtsp://h/\(String(repeating: "a", count: 5000)) RTSP/1.0\r\nCSeq: 13\r\n\r\n", 414, nil),
        ("unknown GET_PARAMETER", "GET_PARAMETER \(url) RTSP/1.0\r\nCSeq: 14\r\nContent-Length: 9\r\n\r\nposition\n", 451, "14"),
    ]

    @Test(arguments: cases.map(\.name))
    func answers(name: String) throws {
        let testCase = Self.cases.first { $0.name == name }!
        let server = FakeRTSPServer()
        let rtsp = try server.connect()
        let responses = try rtsp.send(testCase.request)
        rtsp.close()
        server.shutdown()
        let response = try #require(responses.first, "no answer")
        #expect(response.status == testCase.status)
        #expect(response.headers["cseq"] == testCase.cseq)
        #expect(response.headers["connection"] == nil, "Connection: close is never sent")
    }

    @Test func sessionStatesGive455And459() throws {
        let server = FakeRTSPServer()
        let rtsp = try server.connect()
        let setup = try rtsp.send("SETUP \(Self.url)/trackID=0 RTSP/1.0\r\nCSeq: 1\r\n\(Self.tcp)\r\n")
        let session = try #require(setup.first?.headers["session"]?.split(separator: ";").first.map(String.init))
        #expect(setup.first?.status == 200)
        #expect(setup.first?.headers["session"] == "\(session);timeout=\(FakeRTSPServer.sessionTimeoutSeconds)")
        #expect(setup.first?.headers["transport"]?.contains("interleaved=0-1") == true)
        // PAUSE is not valid in Ready (RFC 2326 Appendix A.2).
        let pause = try rtsp.send("PAUSE \(Self.url) RTSP/1.0\r\nCSeq: 2\r\nSession: \(session)\r\n\r\n")
        #expect(pause.first?.status == 455)
        // One track per session: another camera under the same session is an aggregate it does not allow.
        let other = try rtsp.send(
            "SETUP rtsp://127.0.0.1:8554/other/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nSession: \(session)\r\n\(Self.tcp)\r\n")
        #expect(other.first?.status == 459)
        // Keep-alives answer 200 and name the session.
        let keepAlive = try rtsp.send("GET_PARAMETER \(Self.url) RTSP/1.0\r\nCSeq: 4\r\nSession: \(session)\r\n\r\n")
        #expect(keepAlive.first?.status == 200)
        #expect(keepAlive.first?.headers["session"] == "\(session);timeout=\(FakeRTSPServer.sessionTimeoutSeconds)")
        let teardown = try rtsp.send("TEARDOWN \(Self.url) RTSP/1.0\r\nCSeq: 5\r\nSession: \(session)\r\n\r\n")
        #expect(teardown.first?.status == 200)
        #expect(server.sessions.all.isEmpty)
        rtsp.close()
        server.shutdown()
    }

    @Test func optionsListsMethodsAndChoosesChannelsWhenTheClientDoesNot() throws {
        let server = FakeRTSPServer()
        let rtsp = try server.connect()
        let options = try rtsp.send("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n")
        #expect(options.first?.headers["public"] == RTSPConnection.supportedMethods)
        let setup = try rtsp.send("SETUP \(Self.url)/trackID=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP/TCP\r\n\r\n")
        #expect(setup.first?.headers["transport"]?.contains("interleaved=0-1") == true)
        #expect(setup.first?.headers["transport"]?.contains(";unicast") == true)
        rtsp.close()
        server.shutdown()
    }

    @Test func oneConnectionHoldsABoundedNumberOfSessions() throws {
        let server = FakeRTSPServer()
        let rtsp = try server.connect()
        var statuses: [Int] = []
        for index in 0...RTSPConnection.maximumSessionsPerConnection {
            let channels = "\(index * 2 % 254)-\(index * 2 % 254 + 1)"
            let reply = try rtsp.send(
                "SETUP \(Self.url)/trackID=0 RTSP/1.0\r\nCSeq: \(index)\r\nTransport: RTP/AVP/TCP;interleaved=\(channels)\r\n\r\n")
            statuses.append(reply.first?.status ?? 0)
        }
        #expect(statuses.dropLast().allSatisfy { $0 == 200 })
        #expect(statuses.last == 453)
        #expect(server.sessions.all.count == RTSPConnection.maximumSessionsPerConnection)
        rtsp.close()
        server.shutdown()
    }

    @Test func requestsAfterABadOneAreStillAnswered() throws {
        let server = FakeRTSPServer()
        let rtsp = try server.connect()
        let responses = try rtsp.send(
            "BAD LINE\r\nX: y\r\n\r\nOPTIONS \(Self.url) RTSP/1.0\r\nCSeq: 2\r\n\r\n")
        #expect(responses.map(\.status) == [400, 200])
        rtsp.close()
        server.shutdown()
    }

    @Test func tooManyPipelinedRequestsCloseTheConnection() throws {
        // A camera whose answers wait 10 s (on the channel's clock, which stands still
        // here) holds the queue; the flood behind the first request is bounded.
        var faults = FaultProfile.empty
        faults.control.responseDelay = 10_000_000_000
        let server = FakeRTSPServer(cameraFaults: faults)
        let rtsp = try server.connect()
        var flood = ""
        for index in 0..<(RTSPConnection.maximumPipelinedRequests + 2) {
            flood += "OPTIONS \(Self.url) RTSP/1.0\r\nCSeq: \(index + 1)\r\n\r\n"
        }
        let answered = try rtsp.send(flood)
        #expect(answered.isEmpty, "every answer waits for the delay")
        #expect(!rtsp.channel.isActive)
        rtsp.close()
        server.shutdown()
    }
}
