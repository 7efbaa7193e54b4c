import Testing
@testable import Server

@Suite struct RedactedURITests {
    @Test(arguments: [
        ("rtsp://admin:secret@127.0.0.1:8554/bars", "rtsp://127.0.0.1:8554/bars"),
        ("rtsp://a:b@c@host/x?y=@", "rtsp://host/x?y=@"),
        ("rtsp://host/path@x", "rtsp://host/path@x"),
        ("/bars", "/bars"),
        ("*", "*"),
    ])
    func credentialsNeverReachTheLog(uri: String, logged: String) {
        #expect(RTSPRequest.redacting(uri) == logged)
    }
}

import RTSP
