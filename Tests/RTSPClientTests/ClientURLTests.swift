import Testing
@testable import RTSPClient

@Suite struct ClientURLTests {
    @Test func partsAndCredentials() throws {
        let url = try #require(ClientURL("rtsp://us%40er:p%3Ass@10.0.0.7:8554/stream1?x=1"))
        #expect(url.user == "us@er")
        #expect(url.password == "p:ss")
        #expect(url.host == "10.0.0.7")
        #expect(url.port == 8554)
        #expect(url.pathAndQuery == "/stream1?x=1")
        #expect(url.requestURI == "rtsp://10.0.0.7:8554/stream1?x=1")
        #expect(ClientURL("rtsp://[::1]/a")?.host == "::1")
        #expect(ClientURL("rtsp://h")?.effectivePort == 554)
        #expect(ClientURL("rtsps://h")?.effectivePort == 322)
    }

    static let garbage = ["", "http://h/x", "rtsp://", "rtsp://h:99999/x", "rtsp://h:x/", "rtsp://h/a b", "rtsp:/h"]

    @Test(arguments: garbage)
    func garbageIsRefused(text: String) {
        #expect(ClientURL(text) == nil)
    }

    /// Control attributes resolved against a base (RFC 2326 §C.1.1, RFC 3986 §5.2).
    static let controls: [(base: String, control: String, expected: String)] = [
        ("rtsp://h/stream/", "trackID=1", "rtsp://h/stream/trackID=1"),
        ("rtsp://h/stream", "trackID=1", "rtsp://h/stream/trackID=1"),
        ("rtsp://h:8554/stream/", "*", "rtsp://h:8554/stream/"),
        ("rtsp://h/stream/", "", "rtsp://h/stream/"),
        ("rtsp://h/stream/", "rtsp://other/x/track1", "rtsp://other/x/track1"),
        ("rtsp://h/stream/", "/abs/track1", "rtsp://h/abs/track1"),
        ("rtsp://h/a/b/", "../track1", "rtsp://h/a/track1"),
        ("rtsp://h/a/b/", "./track1", "rtsp://h/a/b/track1"),
        ("rtsp://h/stream?token=1", "track1", "rtsp://h/stream/track1"),
        ("rtsp://u:p@h/stream/", "stream=0", "rtsp://h/stream/stream=0"),
    ]

    @Test(arguments: controls)
    func controlResolution(base: String, control: String, expected: String) throws {
        let url = try #require(ClientURL(base))
        #expect(url.resolving(control)?.requestURI == expected)
    }

    /// Content-Base, then Content-Location, then the request URL (RFC 2326 §C.1.1).
    @Test func baseChoice() throws {
        let request = try #require(ClientURL("rtsp://h/cam"))
        #expect(ClientURL.base(contentBase: "rtsp://h/cam/", contentLocation: "rtsp://h/other/", requestURL: request)
            .requestURI == "rtsp://h/cam/")
        #expect(ClientURL.base(contentBase: nil, contentLocation: "rtsp://h/other/", requestURL: request)
            .requestURI == "rtsp://h/other/")
        #expect(ClientURL.base(contentBase: nil, contentLocation: nil, requestURL: request).requestURI == "rtsp://h/cam")
    }
}
