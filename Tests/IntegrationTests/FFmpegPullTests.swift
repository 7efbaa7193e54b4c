import Foundation
import Testing

extension Integration {
    /// ffmpeg pulls five seconds over each transport without decode errors or lost frames.
    @Suite
    struct FFmpegPullTests {
        static let fps = 15
        static let seconds = 5

        @Test(arguments: ["tcp", "udp"])
        func pullFiveSeconds(transport: String) async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam", fps: Self.fps)]) { server in
                let (result, frames) = try await Clients.ffmpegFrames(
                    server.url(forPath: "cam"), transport: transport, seconds: Self.seconds)
                print("ffmpeg over \(transport): \(frames) frames in \(String(format: "%.2f", result.elapsedSeconds)) s")
                #expect(result.succeeded, "\(result)")
                let errors = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
                #expect(errors.isEmpty, "ffmpeg reported errors at -v error:\n\(result.stderr)")
                let expected = Self.fps * Self.seconds
                #expect(
                    Double(frames) >= 0.95 * Double(expected),
                    "\(frames) of \(expected) frames arrived over \(transport)\n\(result)")
            }
        }
    }
}
