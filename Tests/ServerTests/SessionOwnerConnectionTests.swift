import Testing
@testable import Server

/// A session belongs to the connection that set it up (RFC 2326 §12.37: 454 when the
/// id names no session the server knows for this client).
@Suite struct SessionOwnerConnectionTests {
    static let url = "rtsp://127.0.0.1:8554/cam"

    @Test(arguments: ["SETUP", "PLAY", "PAUSE", "TEARDOWN", "GET_PARAMETER", "SET_PARAMETER"])
    func anotherConnectionGets454(method: String) throws {
        let server = FakeRTSPServer()
        let owner = try server.connect(fromPort: 5554)
        let other = try server.connect(fromPort: 5556)
        let id = try owner.setUp(Self.url)
        let target = method == "SETUP" ? "\(Self.url)/trackID=0" : Self.url
        var request = "\(method) \(target) RTSP/1.0\r\nCSeq: 7\r\nSession: \(id)\r\n"
        if method == "SETUP" { request += "Transport: RTP/AVP/TCP;unicast;interleaved=2-3\r\n" }
        if method == "SET_PARAMETER" {
            request += "Content-Type: text/parameters\r\nContent-Length: 10\r\n\r\nloss: 100\n"
        } else {
            request += "\r\n"
        }
        let reply = try other.answer(request)
        #expect(reply.status == 454)
        #expect(reply.headers["session"] == nil)
        let session = try #require(server.sessions.session(id: id), "the owner's session is still there")
        #expect(session.transport == .interleaved(rtp: 0, rtcp: 1), "and keeps the owner's transport")
        let options = try other.answer("OPTIONS \(Self.url) RTSP/1.0\r\nCSeq: 8\r\nSession: \(id)\r\n\r\n")
        #expect(options.status == 200)
        #expect(options.headers["session"] == nil, "OPTIONS does not name another connection's session")
        let keepAlive = try owner.answer("GET_PARAMETER \(Self.url) RTSP/1.0\r\nCSeq: 2\r\nSession: \(id)\r\n\r\n")
        #expect(keepAlive.status == 200)
        owner.close()
        other.close()
        server.shutdown()
    }

    @Test func anotherConnectionDoesNotKeepTheSessionAlive() throws {
        let server = FakeRTSPServer()
        let owner = try server.connect(fromPort: 5554)
        let other = try server.connect(fromPort: 5556)
        let id = try owner.setUp(Self.url)
        let session = try #require(server.sessions.session(id: id))
        server.clock.advance(seconds: 25)
        _ = try other.answer("GET_PARAMETER \(Self.url) RTSP/1.0\r\nCSeq: 2\r\nSession: \(id)\r\n\r\n")
        server.clock.advance(seconds: 6)
        #expect(session.isExpired(atNanoseconds: server.clock.nanoseconds()))
        owner.close()
        other.close()
        server.shutdown()
    }
}
