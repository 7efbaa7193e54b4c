import Cameras
import Foundation
import H264
import Server
import Testing

extension Integration {
    /// An RTSPS viewer that stops reading is held to the same bound as a plain TCP one:
    /// what is queued for it stays bounded behind the TLS layer, and another RTSPS
    /// viewer of the stream plays on.
    @Suite
    struct RTSPSSlowViewerTests {
        static let fps = 15
        static let seconds = 5
        static let stallSeconds = 8.0
        /// How far the test process may grow while the stalled viewer's stream runs on.
        static let growthBound = 8 << 20

        /// Noise, all keyframes, at a high rate, so the stalled viewer's buffers (the socket pair,
        /// s_client, the loopback TCP windows) fill within the stall.
        static func camera() throws -> CameraDefinition {
            let scene = try TestServer.scenes().scene(named: "noise")
            return CameraDefinition(path: "cam", streams: [StreamDefinition(
                cameraName: "cam", streamName: "main",
                encoder: EncoderSettings(
                    width: 640, height: 360, frameRate: FrameRate(numerator: fps),
                    rateControl: .averageBitrate(kbps: 30_000), gop: 1),
                maxPacketSize: 1400, idleStopDelayNanoseconds: 0, alwaysOn: false, seed: 42,
                makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })])
        }

        @Test
        func stalledRTSPSViewerDoesNotStallOthersOrGrowMemory() async throws {
            try await TestServer.withRTSPS(cameras: [try Self.camera()]) { server in
                let url = try #require(server.secureURL(forPath: "cam"))
                let stream = try #require(server.stream(atPath: "cam"))

                // PLAY through s_client, then never read again: the socket pair, s_client and
                // the TCP connection fill up, and the server's writes back up behind TLS.
                let (stalled, process) = try OpenSSLClient.rawClient(port: try #require(server.tlsPort))
                defer { process.stop() }
                _ = try stalled.describeSetupPlay(url, transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                let encoding = await Poll.until(timeoutSeconds: 15) { stream.counters.snapshot.framesEncoded >= Self.fps }
                try #require(encoding, "the stream never started: \(stream.counters.snapshot)")
                let baseline = try #require(ProcessMemory.residentBytes(), "cannot read VmRSS")
                let packetsBefore = stream.counters.snapshot.packetsProduced
                let skippedBefore = stream.counters.snapshot.framesSkipped
                let stallStart = Date()

                async let pull = Clients.ffmpegFrames(url, transport: "tcp", seconds: Self.seconds, timeoutSeconds: 30)
                var peak = baseline
                while Date().timeIntervalSince(stallStart) < Self.stallSeconds {
                    peak = max(peak, ProcessMemory.residentBytes() ?? 0)
                    try await Task.sleep(nanoseconds: 200_000_000)
                }
                let (result, frames) = try await pull
                peak = max(peak, ProcessMemory.residentBytes() ?? 0)
                let growth = peak - baseline
                // Noise fills each RTP packet: about 1,400 bytes apiece.
                let producedBytes = (stream.counters.snapshot.packetsProduced - packetsBefore) * 1400
                // Frames the encoder itself skipped (it falls behind on a loaded machine) reach no one.
                let encoderSkipped = stream.counters.snapshot.framesSkipped - skippedBefore

                let expected = Self.fps * Self.seconds
                print("slow RTSPS viewer: ffmpeg got \(frames)/\(expected) frames, the encoder skipped \(encoderSkipped); about \(ProcessMemory.megabytes(producedBytes)) produced during the stall; VmRSS growth \(ProcessMemory.megabytes(growth))")
                #expect(result.succeeded, "\(result)")
                // A viewer held up by the stalled one would get next to nothing.
                let deliverable = expected - min(encoderSkipped, expected / 2)
                #expect(
                    Double(frames) >= 0.9 * Double(deliverable),
                    "\(frames) of \(deliverable) frames beside a stalled viewer\n\(result)")
                // Queued without bound, the stalled viewer's share would show as growth.
                #expect(producedBytes >= 2 * Self.growthBound, "the stream produced too little to tell: \(producedBytes) bytes")
                #expect(growth <= Self.growthBound, "memory grew by \(ProcessMemory.megabytes(growth)) during the stall")
                withExtendedLifetime(stalled) {}
            }
        }
    }
}
