import Testing
@testable import RTSP

@Suite struct RTSPRequestTests {
    @Test func serializesWithoutBody() {
        let request = RTSPRequest(
            method: .describe, uri: "rtsp://cam/1", headers: ["CSeq": "2", "Accept": "application/sdp"])
        #expect(String(decoding: request.serialize(), as: UTF8.self)
            == "DESCRIBE rtsp://cam/1 RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n")
    }

    @Test func contentLengthFollowsTheBody() {
        let body = Array("a=b\r\n".utf8)
        let request = RTSPRequest(
            method: .setParameter, uri: "*", headers: ["CSeq": "3", "Content-Length": "999"], body: body)
        #expect(String(decoding: request.serialize(), as: UTF8.self)
            == "SET_PARAMETER * RTSP/1.0\r\nCSeq: 3\r\nContent-Length: 5\r\n\r\na=b\r\n")
        let empty = RTSPRequest(method: .options, uri: "*", headers: ["Content-Length": "4", "CSeq": "1"])
        #expect(String(decoding: empty.serialize(), as: UTF8.self) == "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n")
    }

    @Test func lineBreaksInValuesCannotSplitHeaders() {
        let request = RTSPRequest(method: .options, uri: "*", headers: ["X": "a\r\nInjected: 1"])
        #expect(String(decoding: request.serialize(), as: UTF8.self) == "OPTIONS * RTSP/1.0\r\nX: a  Injected: 1\r\n\r\n")
    }

    @Test func serializeThenParseRoundTrips() {
        let request = RTSPRequest(
            method: .announce, uri: "rtsp://h/x", headers: ["CSeq": "9", "Content-Type": "application/sdp",
                                                           "Content-Length": "3"], body: [1, 2, 3])
        var parser = RTSPMessageParser()
        parser.append(request.serialize())
        #expect(parser.next() == .request(request))
        #expect(parser.next() == nil)
    }
}
