import Foundation
import Testing

extension Integration {
    /// A new viewer gets a forced IDR instead of waiting for the next scheduled one.
    @Suite
    struct TimeToFirstFrameTests {
        @Test
        func firstFrameWellUnderOneGOP() async throws {
            let fps = 15
            let camera = try TestServer.camera("cam", fps: fps, gop: 10 * fps)
            try await TestServer.with(cameras: [camera]) { server in
                let url = server.url(forPath: "cam")
                let stream = try #require(server.stream(atPath: "cam"))
                // A viewer already watching puts the encoder in the middle of its 10 s GOP,
                // so the timed client cannot be served by the stream's own first IDR.
                async let background = Clients.ffmpegFrames(url, transport: "tcp", seconds: 8)
                let midGOP = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.framesEncoded >= 2 * fps }
                #expect(midGOP, "the background viewer never got the encoder going")

                let result = try await Clients.ffmpegPull(
                    url, transport: "tcp", output: ["-an", "-frames:v", "1", "-f", "null", "-"], timeoutSeconds: 30)
                print("time to first frame: \(String(format: "%.3f", result.elapsedSeconds)) s (GOP is 10 s)")
                #expect(result.succeeded, "\(result)")
                #expect(result.elapsedSeconds < 3, "first frame took \(result.elapsedSeconds) s\n\(result)")

                // The server's share of that: SETUP to the first interleaved packet, which must
                // start an IDR although the stream is mid-GOP.
                let client = try RawRTSPClient(port: server.port)
                let started = Date()
                _ = try client.describeSetupPlay(url, transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                var frame: InterleavedFrame
                repeat { frame = try client.readFrame(timeoutSeconds: 10) } while frame.channel != 0
                let serverSeconds = Date().timeIntervalSince(started)
                print("DESCRIBE to first RTP packet: \(String(format: "%.3f", serverSeconds)) s")
                let packet = try #require(RTPPacketView(frame.payload))
                #expect(
                    H264PayloadChecks.startsDecodableAccessUnit(packet),
                    "mid-GOP viewer did not start on an IDR: \(H264PayloadChecks.describe(packet))")
                #expect(serverSeconds < 1, "the server took \(serverSeconds) s to send a mid-GOP viewer its first packet")

                let pulled = try await background
                #expect(pulled.result.succeeded, "\(pulled.result)")
            }
        }
    }
}
