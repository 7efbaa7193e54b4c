import Testing
@testable import Server

/// Header checks that answer before any handler runs, on the fakes: the status, and
/// that nothing happened to the sessions behind it.
@Suite struct RequestHeaderChecksTests {
    static let url = "rtsp://127.0.0.1:8554/cam"

    @Test func unknownRequireTagsAre551AndListed() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let reply = try client.answer(
            "SETUP \(Self.url)/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nRequire: funky, play.basic\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n")
        #expect(reply.status == 551)
        #expect(reply.headers["unsupported"] == "funky, play.basic")
        #expect(reply.headers["cseq"] == "1")
        #expect(server.sessions.all.isEmpty)
        #expect(server.cameras.lookupCount == 0, "refused before the URL is looked up")
        client.close()
        server.shutdown()
    }

    @Test func twoCSeqsOrTwoSessionsAre400() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let id = try client.setUp(Self.url)
        let twoCSeqs = try client.answer("OPTIONS \(Self.url) RTSP/1.0\r\nCSeq: 2\r\nCSeq: 3\r\n\r\n")
        #expect(twoCSeqs.status == 400)
        let twoSessions = try client.answer(
            "TEARDOWN \(Self.url) RTSP/1.0\r\nCSeq: 4\r\nSession: \(id)\r\nSession: other\r\n\r\n")
        #expect(twoSessions.status == 400)
        #expect(server.sessions.session(id: id) != nil, "the refused TEARDOWN left the session")
        client.close()
        server.shutdown()
    }

    @Test(arguments: [("npt=10-5", 457), ("garbage", 400), ("npt=nan-inf", 400)])
    func playChecksItsRangeBeforeItStarts(range: String, status: Int) throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let id = try client.setUp(Self.url)
        let reply = try client.answer("PLAY \(Self.url) RTSP/1.0\r\nCSeq: 2\r\nSession: \(id)\r\nRange: \(range)\r\n\r\n")
        #expect(reply.status == status)
        #expect(server.sessions.session(id: id)?.isPlaying == false)
        client.close()
        server.shutdown()
    }
}
