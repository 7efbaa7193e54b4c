import Testing
@testable import RTSP

@Suite struct RTSPURLTests {
    @Test func absoluteURL() throws {
        let url = try RTSPURL.parse("rtsp://cam.local:8554/live/cam1/trackID=0?user=a%20b&raw")
        #expect(url.scheme == "rtsp")
        #expect(url.host == "cam.local")
        #expect(url.port == 8554)
        #expect(url.pathSegments == ["live", "cam1", "trackID=0"])
        #expect(url.queryItems.map(\.name) == ["user", "raw"])
        #expect(url.queryItems.map(\.value) == ["a b", ""])
        #expect(url.effectivePort == 8554)
    }

    static let forms: [(String, String?, String?, Int?, [String])] = [
        ("rtsp://10.0.0.1/cam1", "rtsp", "10.0.0.1", nil, ["cam1"]),
        ("RTSP://Host/cam1/", "rtsp", "Host", nil, ["cam1"]),
        ("rtsps://host:322//a//b/", "rtsps", "host", 322, ["a", "b"]),
        ("rtsp://[::1]:554/cam", "rtsp", "::1", 554, ["cam"]),
        ("rtsp://[fe80::1]/cam", "rtsp", "fe80::1", nil, ["cam"]),
        ("rtsp://admin:secret@host/cam", "rtsp", "host", nil, ["cam"]),
        ("rtsp://host", "rtsp", "host", nil, []),
        ("rtsp://host:/x", "rtsp", "host", nil, ["x"]),
        ("/cam1/trackID=0", nil, nil, nil, ["cam1", "trackID=0"]),
        ("/caf%C3%A9/a%2Fb", nil, nil, nil, ["café", "a/b"]),
        ("/", nil, nil, nil, []),
        // An escaped `=` in a query name stays escaped when written back.
        ("/cam?a%3Db=c", nil, nil, nil, ["cam"]),
    ]

    @Test(arguments: forms)
    func parsesForms(text: String, scheme: String?, host: String?, port: Int?, segments: [String]) throws {
        let url = try RTSPURL.parse(text)
        #expect(url.scheme == scheme)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.pathSegments == segments)
        #expect(try RTSPURL.parse(url.serialized) == url)
    }

    @Test func asterisk() throws {
        let url = try RTSPURL.parse("*")
        #expect(url.isAsterisk)
        #expect(url.serialized == "*")
        #expect(url.resolvingControl(cameraPath: []) == .none)
    }

    static let garbage: [(String, RTSPURLError)] = [
        ("", .empty), ("http://host/x", .unsupportedScheme("http")), ("cam1/track", .notAbsolute("cam1/track")),
        ("rtsp:/host/x", .notAbsolute("rtsp:/host/x")), ("rtsp:///x", .missingHost("rtsp:///x")),
        ("rtsp://host:99999/x", .invalidPort("99999")), ("rtsp://host:ab/x", .invalidPort("ab")),
        ("rtsp://[::1/x", .invalidHost("[::1")), ("rtsp://ho st/x", .invalidHost("ho st")),
        ("/a%2", .invalidPercentEncoding("a%2")), ("/a%zz", .invalidPercentEncoding("a%zz")),
        ("/%FF", .invalidPercentEncoding("%FF")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: RTSPURLError) {
        #expect(throws: error) { try RTSPURL.parse(text) }
        #expect(RTSPURL(parsing: text) == nil)
    }

    @Test func limits() {
        let long = "/" + String(repeating: "a", count: RTSPURL.maximumLength)
        #expect(throws: RTSPURLError.tooLong(length: long.utf8.count, limit: RTSPURL.maximumLength)) {
            try RTSPURL.parse(long)
        }
        let deep = String(repeating: "/a", count: 65)
        #expect(throws: RTSPURLError.tooManySegments(count: 65, limit: 64)) { try RTSPURL.parse(deep) }
    }

    static let controls: [(String, RTSPControlTarget)] = [
        ("rtsp://h/live/cam1", .aggregate),
        ("rtsp://h/live/cam1/", .aggregate),
        ("rtsp://h:554/live/cam1?token=x", .aggregate),
        ("/live/cam1", .aggregate),
        ("rtsp://h/live/cam1/trackID=0", .track(0)),
        ("rtsp://h/live/cam1/trackid=3?x=1", .track(3)),
        ("/live/cam1/stream=1", .track(1)),
        ("rtsp://h/live/cam1/trackID=", .none),
        ("rtsp://h/live/cam1/trackID=x", .none),
        ("rtsp://h/live/cam1/other", .none),
        ("rtsp://h/live/cam1/trackID=0/more", .none),
        ("rtsp://h/live/cam2", .none),
        ("rtsp://h/live", .none),
        ("rtsp://h/Live/cam1", .none),
    ]

    @Test(arguments: controls)
    func resolvesControl(text: String, target: RTSPControlTarget) throws {
        #expect(try RTSPURL.parse(text).resolvingControl(cameraPath: ["live", "cam1"]) == target)
    }

    @Test func rootCamera() throws {
        #expect(try RTSPURL.parse("rtsp://h/").resolvingControl(cameraPath: []) == .aggregate)
        #expect(try RTSPURL.parse("rtsp://h/trackID=1").resolvingControl(cameraPath: []) == .track(1))
    }

    @Test func serializesWithEscapes() {
        let url = RTSPURL(
            scheme: "rtsp", host: "::1", port: 8554, pathSegments: ["a b", "trackID=0"],
            queryItems: [(name: "k", value: "v&w")])
        #expect(url.serialized == "rtsp://[::1]:8554/a%20b/trackID=0?k=v%26w")
    }
}
