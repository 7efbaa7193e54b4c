import Foundation
import Testing

extension Integration {
    /// A live camera plays at scale 1 whatever is asked, and says so (RFC 2326 §12.34).
    @Suite
    struct PlayScaleTests {
        @Test(arguments: ["2", "-1", "1.0", "0.5"])
        func playAnswersScaleOne(requested: String) async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let setup = try client.request(
                    "SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                let id = RTSPHeaderValues.sessionID(try #require(setup.header("Session"), "\(setup)"))
                let play = try client.request("PLAY", url + "/", headers: [("Session", id), ("Scale", requested)])
                #expect(play.status == 200, "\(play)")
                #expect(play.header("Scale") == "1", "Scale: \(requested) -> \(play)")
                // PLAY again while playing answers the same.
                let again = try client.request("PLAY", url + "/", headers: [("Session", id), ("Scale", requested)])
                #expect(again.header("Scale") == "1", "\(again)")
                let plain = try client.request("PLAY", url + "/", headers: [("Session", id)])
                #expect(plain.header("Scale") == nil, "no Scale asked, none answered: \(plain)")
            }
        }
    }
}
