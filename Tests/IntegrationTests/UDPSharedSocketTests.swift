import Foundation
import Testing

extension Integration {
    /// The server's UDP media sockets are shared by every UDP viewer: a viewer whose
    /// ports can never receive (`client_port=0-1`) must not stop everyone else's media.
    @Suite
    struct UDPSharedSocketTests {
        @Test
        func aViewerAtPortZeroDoesNotStopOtherViewers() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let watcher = try RawRTSPClient(port: server.port)
                _ = try watcher.describeSetupPlay(url, transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                _ = try #require(rtp.receive(timeoutSeconds: 10), "no RTP before the second viewer joined")

                // A second session on the same connection, so on the same event loop and
                // socket pair. The server may refuse these ports; if it accepts them, it
                // must play them without harm to anyone else.
                let setup = try watcher.request(
                    "SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;unicast;client_port=0-1")])
                if setup.status == 200, let session = setup.header("Session").map(RTSPHeaderValues.sessionID) {
                    let play = try watcher.request("PLAY", url + "/", headers: [("Session", session)])
                    #expect(play.status == 200, "\(play)")
                }

                // 15 whole access units (one second of video) after that, within 10 s.
                var frames = 0
                let deadline = Date().addingTimeInterval(10)
                while frames < 15, deadline.timeIntervalSinceNow > 0 {
                    guard let datagram = rtp.receive(timeoutSeconds: deadline.timeIntervalSinceNow) else { break }
                    if RTPPacketView(datagram)?.marker == true { frames += 1 }
                }
                #expect(frames >= 15, "only \(frames) frames reached the first viewer after a viewer set up client_port=0-1")
            }
        }
    }
}
