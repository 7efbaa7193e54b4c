import Testing
@testable import RTSP

@Suite struct RTSPVersionTests {
    static let valid: [(String, RTSPVersion)] = [
        ("RTSP/1.0", .rtsp10), ("HTTP/1.0", .http10), ("HTTP/1.1", .http11),
        ("RTSP/2.0", RTSPVersion(major: 2, minor: 0)),
    ]

    @Test(arguments: valid)
    func parsesAndSerializes(text: String, version: RTSPVersion) {
        #expect(RTSPVersion(parsing: text) == version)
        #expect(version.serialized == text)
    }

    @Test(arguments: ["RTSP", "RTSP/1", "RTSP/1.", "RTSP/.0", "RTSP/1.0.0", "R2SP/1.0", "/1.0", "RTSP/1234.0", "RTSP/a.b"])
    func rejectsGarbage(text: String) {
        #expect(RTSPVersion(parsing: text) == nil)
    }

    @Test func kinds() {
        #expect(RTSPVersion.rtsp10.isRTSP && !RTSPVersion.rtsp10.isHTTP)
        #expect(RTSPVersion.http11.isHTTP)
    }
}
