import Testing
@testable import RTSP

@Suite struct RTSPResponseTests {
    @Test func serializesStatusLineAndHeaders() {
        let response = RTSPResponse(
            status: .ok, headers: ["CSeq": "1", "Public": "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN"])
        #expect(String(decoding: response.serialize(), as: UTF8.self)
            == "RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n")
    }

    @Test func writesContentLengthForABody() {
        let response = RTSPResponse(
            status: .ok, headers: ["CSeq": "2", "Content-Type": "application/sdp"], body: Array("v=0\r\n".utf8))
        #expect(String(decoding: response.serialize(), as: UTF8.self)
            == "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n")
    }

    @Test func errorStatusLine() {
        let response = RTSPResponse(status: .methodNotValidInThisState, headers: ["CSeq": "4"])
        #expect(String(decoding: response.serialize(), as: UTF8.self)
            == "RTSP/1.0 455 Method Not Valid in This State\r\nCSeq: 4\r\n\r\n")
    }
}
