import Foundation
import Testing

extension Integration {
    /// SETUP again on a session's own track with a new transport (RFC 2326 §10.4):
    /// camsim applies it, while ready and while playing, and the media follows it.
    @Suite
    struct ReSetupTests {
        /// Reads interleaved frames until one arrives on `channel`, or fails after 5 s.
        static func frame(on channel: UInt8, from client: RawRTSPClient) throws -> InterleavedFrame {
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                let frame = try client.readFrame(timeoutSeconds: max(0.1, deadline.timeIntervalSinceNow))
                if frame.channel == channel { return frame }
            }
            throw RawRTSPError.timedOut("a frame on channel \(channel)")
        }

        @Test
        func aNewTransportWhilePlayingCarriesTheMediaAtOnce() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let played = try client.describeSetupPlay(url, transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                _ = try Self.frame(on: 0, from: client)

                let again = try client.request("SETUP", url + "/trackID=0", headers: [
                    ("Session", played.sessionID), ("Transport", "RTP/AVP/TCP;unicast;interleaved=2-3"),
                ])
                #expect(again.status == 200, "\(again)")
                #expect(again.header("Transport")?.contains("interleaved=2-3") == true, "\(again)")
                let frame = try Self.frame(on: 2, from: client)
                #expect(RTPPacketView(frame.payload) != nil, "channel 2 carries RTP")
                // Nothing more on the old channel once the new one runs.
                _ = try Self.frame(on: 2, from: client)
                #expect(!client.drainFrames().contains { $0.channel == 0 })
            }
        }

        @Test
        func aNewTransportWhileReadyIsUsedByPlay() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let setup = try client.request(
                    "SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                try #require(setup.status == 200, "\(setup)")
                let id = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
                let again = try client.request("SETUP", url + "/trackID=0", headers: [
                    ("Session", id), ("Transport", "RTP/AVP/TCP;unicast;interleaved=4-5"),
                ])
                #expect(again.status == 200, "\(again)")
                let play = try client.request("PLAY", url + "/", headers: [("Session", id)])
                #expect(play.status == 200, "\(play)")
                _ = try Self.frame(on: 4, from: client)
                #expect(!client.drainFrames().contains { $0.channel == 0 })
            }
        }
    }
}
