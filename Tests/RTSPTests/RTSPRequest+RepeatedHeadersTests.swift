import Testing
@testable import RTSP

@Suite struct RTSPRequestRepeatedHeadersTests {
    /// Request headers and the error they earn (nil: acceptable).
    static let cases: [([(String, String)], RepeatedHeaderError?)] = [
        ([], nil),
        ([("CSeq", "1")], nil),
        ([("CSeq", "1"), ("Session", "abc")], nil),
        ([("CSeq", "1"), ("CSeq", "2")], .cSeq(values: ["1", "2"])),
        ([("CSeq", "1"), ("cseq", "1")], .cSeq(values: ["1", "1"])),
        ([("CSeq", "3"), ("X", "y"), ("CSEQ", "x"), ("CSeq", "4")], .cSeq(values: ["3", "x", "4"])),
        ([("Session", "abc"), ("Session", "abc")], nil),
        ([("Session", "abc"), ("session", "abc;timeout=60")], nil),
        ([("Session", "abc"), ("Session", "abd")], .session(values: ["abc", "abd"])),
        ([("Session", "abc"), ("Session", "ABC")], .session(values: ["abc", "ABC"])),
        ([("Session", "abc"), ("Session", "abc"), ("Session", "other")], .session(values: ["abc", "abc", "other"])),
        ([("Session", "a b;x"), ("Session", "a b")], nil),
        ([("Session", "abc"), ("Session", "")], .session(values: ["abc", ""])),
    ]

    @Test(arguments: cases)
    func validates(headers: [(String, String)], error: RepeatedHeaderError?) {
        let request = RTSPRequest(
            method: .play, uri: "rtsp://h/c", headers: RTSPHeaders(headers.map { RTSPHeaderField(name: $0.0, value: $0.1) }))
        if let error {
            #expect(throws: error) { try request.validateRepeatedHeaders() }
            #expect(error.status == .badRequest)
        } else {
            #expect(throws: Never.self) { try request.validateRepeatedHeaders() }
        }
    }

    /// Repeated headers survive the message parser, so the check sees what the client sent.
    @Test func parsedRequestKeepsEveryRepetition() {
        var parser = RTSPMessageParser()
        parser.append(Array("PLAY rtsp://h/c RTSP/1.0\r\nCSeq: 1\r\nSession: a\r\nCSeq: 2\r\nSession: b\r\n\r\n".utf8))
        guard case .request(let request)? = parser.next() else {
            Issue.record("no request")
            return
        }
        #expect(throws: RepeatedHeaderError.cSeq(values: ["1", "2"])) { try request.validateRepeatedHeaders() }
        var oneCSeq = request
        oneCSeq.headers.set("CSeq", "1")
        #expect(throws: RepeatedHeaderError.session(values: ["a", "b"])) { try oneCSeq.validateRepeatedHeaders() }
    }
}
