import Foundation
import Testing

extension Integration {
    /// A TCP viewer that stops reading must not hold up the stream or other viewers, and
    /// what the server queues for it must stay bounded.
    @Suite
    struct SlowViewerTests {
        static let fps = 25
        static let seconds = 5
        static let stallSeconds = 6.0
        static let yaml = """
            server: {bind: 127.0.0.1, port: 0}
            cameras:
              - path: cam
                scene: smpte-clock
                streams:
                  - {name: main, size: 640x360, fps: \(fps), bitrate: 4M, preset: ultrafast}
            """

        @Test
        func stalledTCPViewerDoesNotStallOthersOrGrowMemory() async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.yaml)) { server in
                let url = server.url(forPath: "cam")
                let stream = try #require(server.stream(atPath: "cam"))

                // PLAY on a 4 KB receive window, then never read again.
                let stalled = try InterleavedViewer(port: server.port, receiveBufferBytes: 4096)
                try stalled.play(url)
                let encoding = await Poll.until(timeoutSeconds: 15) { stream.counters.snapshot.framesEncoded >= Self.fps }
                try #require(encoding, "the stream never started for the stalled viewer: \(stream.counters.snapshot)")
                let baseline = try #require(ProcessMemory.residentBytes(), "cannot read VmRSS")
                let encodedBefore = stream.counters.snapshot.framesEncoded
                let stallStart = Date()

                async let pull = Clients.ffmpegFrames(url, transport: "tcp", seconds: Self.seconds, timeoutSeconds: 30)
                // Sample memory through the whole stall (the pull runs alongside).
                var peak = baseline
                while Date().timeIntervalSince(stallStart) < Self.stallSeconds {
                    peak = max(peak, ProcessMemory.residentBytes() ?? 0)
                    try await Task.sleep(nanoseconds: 200_000_000)
                }
                let (result, frames) = try await pull
                peak = max(peak, ProcessMemory.residentBytes() ?? 0)
                let stallSeconds = Date().timeIntervalSince(stallStart)
                let encoded = stream.counters.snapshot.framesEncoded - encodedBefore
                let growth = peak - baseline

                let expected = Self.fps * Self.seconds
                print("slow viewer: ffmpeg got \(frames)/\(expected) frames in \(String(format: "%.2f", result.elapsedSeconds)) s beside a stalled viewer (kernel receive buffer \(stalled.socket.receiveBufferBytes) bytes)")
                print("slow viewer: stream encoded \(encoded) frames in \(String(format: "%.2f", stallSeconds)) s, skipped \(stream.counters.snapshot.framesSkipped) in total")
                print("slow viewer: VmRSS \(ProcessMemory.megabytes(baseline)) -> peak \(ProcessMemory.megabytes(peak)), growth \(ProcessMemory.megabytes(growth))")
                #expect(result.succeeded, "\(result)")
                let errors = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
                #expect(errors.isEmpty, "ffmpeg reported errors at -v error:\n\(result.stderr)")
                #expect(Double(frames) >= 0.95 * Double(expected), "\(frames) of \(expected) frames beside a stalled viewer\n\(result)")
                #expect(
                    Double(encoded) >= 0.9 * stallSeconds * Double(Self.fps),
                    "the stream encoded only \(encoded) frames in \(stallSeconds) s while a viewer was stalled")
                #expect(growth <= 64 << 20, "memory grew by \(ProcessMemory.megabytes(growth)) during the stall")
                print("slow viewer: \(server.sessionCount) session(s) left after the pull (the stalled viewer's is \(server.sessionCount >= 1 ? "kept" : "gone"))")
                withExtendedLifetime(stalled) {}
            }
        }
    }
}
