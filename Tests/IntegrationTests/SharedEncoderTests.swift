import Foundation
import Testing

extension Integration {
    /// Viewers of one camera share its encoder: two pulls cost one encode, not two.
    @Suite
    struct SharedEncoderTests {
        @Test
        func twoClientsShareOneEncoder() async throws {
            let fps = 15
            try await TestServer.with(cameras: [try TestServer.camera("cam", fps: fps)]) { server in
                let url = server.url(forPath: "cam")
                let stream = try #require(server.stream(atPath: "cam"))
                // The first DESCRIBE of a stream opens its encoder once for the SPS/PPS (closed
                // again at once with no idle delay). Prime that, so what is counted below is
                // the playback encoder only.
                let primer = try RawRTSPClient(port: server.port)
                #expect(try primer.request("DESCRIBE", url).status == 200)
                let idle = await Poll.until(timeoutSeconds: 5) { (try? await stream.isEncoderOpen().get()) == false }
                #expect(idle, "the encoder stayed open after DESCRIBE with no viewer")
                let before = stream.counters.snapshot
                let start = Date()
                async let first = Clients.ffmpegFrames(url, transport: "tcp", seconds: 4)
                async let second = Clients.ffmpegFrames(url, transport: "udp", seconds: 4)
                // Both viewers must be on the stream at the same time for the check to mean anything.
                let overlapped = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.activeViewers == 2 }
                let (a, b) = try await (first, second)
                let elapsed = Date().timeIntervalSince(start)
                let after = stream.counters.snapshot

                #expect(overlapped, "the two pulls never watched at the same time")
                #expect(a.result.succeeded, "\(a.result)")
                #expect(b.result.succeeded, "\(b.result)")
                #expect(after.encoderOpens - before.encoderOpens == 1, "encoder opened \(after.encoderOpens - before.encoderOpens) times")
                let encoded = after.framesEncoded - before.framesEncoded
                let budget = Double(fps) * elapsed
                print("shared encoder: \(encoded) frames encoded in \(String(format: "%.2f", elapsed)) s (one encoder would do \(Int(budget)))")
                #expect(Double(encoded) <= 1.2 * budget, "\(encoded) frames encoded in \(elapsed) s at \(fps) fps: more than one encoder's worth")
                #expect(encoded >= 4 * fps * 9 / 10, "only \(encoded) frames encoded")
            }
        }
    }
}
