import Foundation
import RTSPAuth
import Server
import Testing

extension Integration {
    /// Authentication over RTSPS works as over plain RTSP: the TLS listener runs the same
    /// connection pipeline, so real clients log in through it the same way.
    @Suite
    struct AuthRTSPSTests {
        /// `rtsps://user:password@127.0.0.1:tlsport/path`, the password percent-encoded.
        static func credentialURL(_ server: CamsimServer, _ path: String, password: String = AuthRig.password) throws -> String {
            let escaped = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
            return "rtsps://\(AuthRig.user):\(escaped)@127.0.0.1:\(try #require(server.tlsPort))/\(path)"
        }

        static func withServer<T>(_ cameras: [CameraDefinition], _ body: (CamsimServer) async throws -> T) async throws -> T {
            try await AuthRig.with(cameras: cameras, configure: { $0.rtsps = RTSPSSettings(port: 0) }, body)
        }

        @Test
        func ffmpegPlaysADigestCameraOverRTSPSAndFailsCleanlyWithAWrongPassword() async throws {
            try await Self.withServer([try AuthRig.camera("d")]) { server in
                let (result, frames) = try await Clients.ffmpegFrames(
                    try Self.credentialURL(server, "d"), transport: "tcp", seconds: 2)
                #expect(result.succeeded, "\(result)")
                #expect(frames >= 25, "\(frames) of 30 frames over RTSPS")

                let (refused, none) = try await Clients.ffmpegFrames(
                    try Self.credentialURL(server, "d", password: "wrong"), transport: "tcp", seconds: 2, timeoutSeconds: 30)
                #expect(!refused.succeeded && !refused.timedOut, "\(refused)")
                #expect(none == 0)
                #expect(refused.stderr.contains("401"), "\(refused.stderr)")
            }
        }

        @Test
        func gstreamerPlaysABasicCameraOverRTSPSWithUserIDAndPassword() async throws {
            let gst = try Clients.gstLaunch()
            try await Self.withServer([try AuthRig.camera("b", mode: .basic)]) { server in
                let url = try #require(server.secureURL(forPath: "b"))
                let arguments = { (password: String) in [
                    "-v", "rtspsrc", "location=\(url)", "tls-validation-flags=0", "user-id=\(AuthRig.user)",
                    "user-pw=\(password)", "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=30",
                    "silent=false",
                ] }
                let result = await ClientProcess.run(gst, arguments(AuthRig.password), timeoutSeconds: 60)
                let decoded = GStreamerRTSPSJudgement.decodedPictures(result)
                #expect(decoded >= 30, "\(decoded) pictures decoded\n\(result)")
                #expect(GStreamerRTSPSJudgement.endedCleanly(result), "\(result)")

                let refused = await ClientProcess.run(gst, arguments("wrong"), timeoutSeconds: 30)
                #expect(!refused.succeeded && !refused.timedOut, "\(refused)")
                #expect(GStreamerRTSPSJudgement.decodedPictures(refused) == 0, "\(refused)")
                #expect(refused.stderr.contains("Unauthorized"), "\(refused)")
            }
        }
    }
}
