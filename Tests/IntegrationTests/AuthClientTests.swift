import Foundation
import RTSPAuth
import Server
import Testing

extension Integration {
    /// Real clients against cameras that ask for credentials: ffmpeg with the credentials
    /// in the URL, GStreamer's rtspsrc with user-id and user-pw.
    @Suite
    struct AuthClientTests {
        static let cameras: [(String, AuthMode)] = [("d", .digest), ("b", .basic), ("db", .digestAndBasic)]

        /// `rtsp://user:password@127.0.0.1:port/path`, the password percent-encoded.
        static func credentialURL(_ server: CamsimServer, _ path: String, password: String = AuthRig.password) -> String {
            let escaped = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
            return "rtsp://\(AuthRig.user):\(escaped)@127.0.0.1:\(server.port)/\(path)"
        }

        @Test(arguments: ["tcp", "udp"])
        func ffmpegPlaysEachModeWithCredentialsInTheURL(transport: String) async throws {
            try await AuthRig.with(cameras: try Self.cameras.map { try AuthRig.camera($0.0, mode: $0.1) }) { server in
                for (path, _) in Self.cameras {
                    let (result, frames) = try await Clients.ffmpegFrames(
                        Self.credentialURL(server, path), transport: transport, seconds: 2)
                    #expect(result.succeeded, "\(path) over \(transport): \(result)")
                    #expect(frames >= 25, "\(path) over \(transport): \(frames) of 30 frames")
                }
            }
        }

        @Test
        func ffmpegFailsCleanlyWithWrongCredentials() async throws {
            try await AuthRig.with(cameras: try Self.cameras.map { try AuthRig.camera($0.0, mode: $0.1) }) { server in
                for (path, _) in Self.cameras {
                    let (result, frames) = try await Clients.ffmpegFrames(
                        Self.credentialURL(server, path, password: "wrong"), transport: "tcp", seconds: 2, timeoutSeconds: 30)
                    #expect(!result.succeeded && !result.timedOut, "\(path): \(result)")
                    #expect(frames == 0)
                    #expect(result.stderr.contains("401"), "\(path): \(result.stderr)")
                }
            }
        }

        @Test(arguments: [("d", AuthMode.digest), ("b", AuthMode.basic)])
        func gstreamerPlaysWithUserIDAndPassword(path: String, mode: AuthMode) async throws {
            let gst = try Clients.gstLaunch()
            try await AuthRig.with(cameras: [try AuthRig.camera(path, mode: mode)]) { server in
                let result = await ClientProcess.run(gst, [
                    "rtspsrc", "location=\(server.url(forPath: path))", "user-id=\(AuthRig.user)",
                    "user-pw=\(AuthRig.password)", "protocols=tcp", "!", "rtph264depay", "!", "avdec_h264", "!",
                    "fakesink", "num-buffers=30",
                ], timeoutSeconds: 60)
                #expect(result.gstreamerPlayedToTheEnd, "\(path): \(result)")
            }
        }

        @Test
        func ffmpegPlaysThroughAnAuthenticatedTunnel() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("d"), try AuthRig.camera("b", mode: .basic)]) { server in
                for path in ["d", "b"] {
                    let (result, frames) = try await Clients.ffmpegFrames(
                        Self.credentialURL(server, path), transport: "http", seconds: 2)
                    #expect(result.succeeded, "\(path): \(result)")
                    #expect(frames >= 25, "\(path): \(frames) of 30 frames through the tunnel")
                }
            }
        }
    }
}
