import Testing
@testable import RTSPAuth

@Suite struct DigestURITests {
    /// Forms that name the camera `bars` at 127.0.0.1:8554.
    static let same = [
        "rtsp://127.0.0.1:8554/bars", "/bars", "/bars/", "rtsp://127.0.0.1:8554/bars/", "rtsp://127.0.0.1:8554/bars/trackID=0",
        "/bars/stream=0", "/bars?loss=5", "RTSP://127.0.0.1:8554/bars", "rtsp://127.0.0.1:8554//bars", "/%62ars",
        "/./bars", "/x/../bars", "rtsp://user@127.0.0.1:8554/bars", "rtsp://127.0.0.1/bars", "/bars#frag",
    ]

    @Test(arguments: same)
    func namesTheSameCamera(text: String) throws {
        let base = try #require(DigestURI("rtsp://127.0.0.1:8554/bars"))
        let uri = try #require(DigestURI(text))
        #expect(uri.namesSameResource(as: base))
    }

    static let different = [
        "/BARS", "/bars/sub", "/barsx", "rtsp://10.0.0.1:8554/bars", "rtsp://127.0.0.1:9000/bars", "/bars/../other",
        "/other/trackID=0", "/",
    ]

    @Test(arguments: different)
    func namesAnotherResource(text: String) throws {
        let base = try #require(DigestURI("rtsp://127.0.0.1:8554/bars"))
        let uri = try #require(DigestURI(text))
        #expect(!uri.namesSameResource(as: base))
    }

    @Test(arguments: ["", "bars", "ftp://h/bars", "/b%zzrs", "/%ff", "rtsp:/bars"])
    func refusesWhatIsNoURI(text: String) {
        #expect(DigestURI(text) == nil)
    }

    @Test func trackSuffixIsNoted() throws {
        let uri = try #require(DigestURI("/bars/trackid=12"))
        #expect(uri.segments == ["bars"])
        #expect(uri.namedTrack)
    }
}
