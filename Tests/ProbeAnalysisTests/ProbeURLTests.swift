import ProbeAnalysis
import Testing

@Suite("ProbeURL")
struct ProbeURLTests {
    @Test func takesCredentialsOutOfTheURL() throws {
        let url = "rtsp://admin:p%40ss:word@192.168.1.64:554/Streaming/Channels/101?transport=tcp"
        let credentials = try #require(ProbeURL.credentials(url))
        #expect(credentials.user == "admin")
        #expect(credentials.password == "p@ss:word")
        #expect(ProbeURL.redacted(url) == "rtsp://192.168.1.64:554/Streaming/Channels/101?transport=tcp")
    }

    @Test func leavesAURLWithoutCredentialsAlone() {
        #expect(ProbeURL.credentials("rtsp://127.0.0.1:8554/cam") == nil)
        #expect(ProbeURL.redacted("rtsp://127.0.0.1:8554/cam@x") == "rtsp://127.0.0.1:8554/cam@x")
        #expect(ProbeURL.redacted("not a url") == "not a url")
    }

    @Test func readsAListSkippingCommentsAndBlanks() {
        let text = "# cameras\nrtsp://a/1\n\n  rtsp://b/2  \r\n#rtsp://c/3\nrtsp://d/4\nrtsp://e/5\n"
        #expect(ProbeURL.list(text, limit: 10) == ["rtsp://a/1", "rtsp://b/2", "rtsp://d/4", "rtsp://e/5"])
        #expect(ProbeURL.list(text, limit: 2) == ["rtsp://a/1", "rtsp://b/2"])
    }
}
