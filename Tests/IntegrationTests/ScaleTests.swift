import Foundation
import Testing

extension Integration {
    /// Many on-demand cameras: a batch of concurrent pulls all play in real time and
    /// decode cleanly, and the cameras nobody watches never open an encoder.
    @Suite
    struct ScaleTests {
        static let cameraCount = 32
        static let fps = 10
        static let seconds = 5
        static let yaml = """
            server: {bind: 127.0.0.1, port: 0}
            cameras:
              - count: \(cameraCount)
                path: "cam-{n:02}"
                scene: smpte-clock
                on_demand: true
                streams:
                  - {name: main, size: 320x240, fps: \(fps), preset: ultrafast}
            """

        /// The path of camera `n` (1-based), as the template names it.
        static func path(_ n: Int) -> String { String(format: "cam-%02d", n) }

        @Test
        func eightConcurrentPullsOfThirtyTwoCameras() async throws {
            let config = try ConfigServer.parse(Self.yaml)
            try #require(config.cameras.count == Self.cameraCount)
            try await ConfigServer.with(config) { server in
                // Every fourth camera, alternating TCP and UDP.
                let watched = stride(from: 1, through: Self.cameraCount, by: 4).map { $0 }
                let idle = (1...Self.cameraCount).filter { !watched.contains($0) }
                let start = Date()
                let pulls = try await withThrowingTaskGroup(of: (Int, String, ProcessResult, Int).self) { group in
                    for (index, n) in watched.enumerated() {
                        let transport = index % 2 == 0 ? "tcp" : "udp"
                        let url = server.url(forPath: Self.path(n))
                        group.addTask {
                            let (result, frames) = try await Clients.ffmpegFrames(
                                url, transport: transport, seconds: Self.seconds, timeoutSeconds: 30)
                            return (n, transport, result, frames)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }
                }
                let wall = Date().timeIntervalSince(start)

                let expected = Self.fps * Self.seconds
                for (n, transport, result, frames) in pulls {
                    print("scale: \(Self.path(n)) over \(transport): \(frames)/\(expected) frames in \(String(format: "%.2f", result.elapsedSeconds)) s")
                    #expect(result.succeeded, "\(Self.path(n)) over \(transport)\n\(result)")
                    let errors = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
                    #expect(errors.isEmpty, "\(Self.path(n)) over \(transport): decode errors at -v error:\n\(result.stderr)")
                    #expect(
                        Double(frames) >= 0.95 * Double(expected),
                        "\(Self.path(n)) over \(transport): \(frames) of \(expected) frames\n\(result)")
                }
                print("scale: \(watched.count) concurrent pulls of \(Self.cameraCount) cameras took \(String(format: "%.2f", wall)) s")
                #expect(wall <= 12, "the batch of \(watched.count) pulls took \(wall) s")

                for n in watched {
                    let stream = try #require(server.stream(atPath: Self.path(n)))
                    #expect(stream.counters.snapshot.encoderOpens >= 1, "\(Self.path(n)) was pulled but never encoded")
                }
                var idleOpen: [String] = []
                for n in idle {
                    let stream = try #require(server.stream(atPath: Self.path(n)), "no stream at \(Self.path(n))")
                    let snapshot = stream.counters.snapshot
                    let open = try await stream.isEncoderOpen().get()
                    if snapshot.encoderOpens != 0 || snapshot.framesEncoded != 0 || open {
                        idleOpen.append("\(Self.path(n)): open=\(open) \(snapshot)")
                    }
                }
                print("scale: \(idle.count) unwatched cameras, \(idleOpen.count) with an encoder opened")
                #expect(idleOpen.isEmpty, "unwatched cameras opened an encoder:\n\(idleOpen.joined(separator: "\n"))")
            }
        }
    }
}
