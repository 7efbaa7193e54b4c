import Testing
@testable import RTSP

@Suite struct RTSPMethodTests {
    static let cases: [(String, RTSPMethod)] = [
        ("OPTIONS", .options), ("DESCRIBE", .describe), ("SETUP", .setup), ("PLAY", .play),
        ("PAUSE", .pause), ("TEARDOWN", .teardown), ("GET_PARAMETER", .getParameter),
        ("SET_PARAMETER", .setParameter), ("ANNOUNCE", .announce), ("RECORD", .record),
        ("REDIRECT", .redirect), ("FLUSH", .other("FLUSH")),
    ]

    @Test(arguments: cases)
    func tokenRoundTrip(token: String, method: RTSPMethod) {
        #expect(RTSPMethod(token) == method)
        #expect(method.name == token)
    }

    @Test func methodsAreCaseSensitive() {
        #expect(RTSPMethod("play") == .other("play"))
    }
}
