import Faults
import Foundation
import RTSPAuth
import Server
import Testing

extension Integration {
    /// A camera that offers SHA-256 Digest only (`digest-sha256`, or the `auth_only: sha256`
    /// fault): ffmpeg and GStreamer, which answer MD5 only, give up cleanly and in bounded
    /// time, while a client that answers SHA-256 plays.
    @Suite
    struct AuthSHA256ClientTests {
        /// `digest-sha256`, and a `digest` camera whose profile narrows it to SHA-256.
        static func cameras() throws -> [CameraDefinition] {
            let narrowed = FaultProfile(control: ControlFaultProfile(auth: AuthFaultProfile(only: .sha256)))
            return [try AuthRig.camera("sha", mode: .digestSHA256), try AuthRig.camera("fault", faults: narrowed)]
        }

        static let paths = ["sha", "fault"]

        @Test
        func ffmpegGivesUpCleanly() async throws {
            try await AuthRig.with(cameras: try Self.cameras()) { server in
                for path in Self.paths {
                    let (result, frames) = try await Clients.ffmpegFrames(
                        AuthClientTests.credentialURL(server, path), transport: "tcp", seconds: 2, timeoutSeconds: 30)
                    #expect(!result.succeeded && !result.timedOut, "\(path): \(result)")
                    #expect(frames == 0, "\(path)")
                    #expect(result.stderr.contains("401"), "\(path): \(result.stderr)")
                }
            }
        }

        @Test
        func gstreamerGivesUpCleanly() async throws {
            let gst = try Clients.gstLaunch()
            try await AuthRig.with(cameras: try Self.cameras()) { server in
                for path in Self.paths {
                    let result = await ClientProcess.run(gst, [
                        "rtspsrc", "location=\(server.url(forPath: path))", "user-id=\(AuthRig.user)",
                        "user-pw=\(AuthRig.password)", "protocols=tcp", "!", "rtph264depay", "!", "avdec_h264", "!",
                        "fakesink", "num-buffers=30",
                    ], timeoutSeconds: 30)
                    #expect(!result.succeeded && !result.timedOut, "\(path): \(result)")
                    #expect(result.stderr.contains("Unauthorized"), "\(path): \(result)")
                }
            }
        }

        @Test
        func aClientAnsweringSHA256Plays() async throws {
            try await AuthRig.with(cameras: try Self.cameras()) { server in
                for path in Self.paths {
                    let url = server.url(forPath: path)
                    let client = try RawRTSPClient(port: server.port)
                    let nonce = try AuthRig.nonce(client, url: url)
                    let track = url + "/trackID=0"
                    // An MD5 answer is refused; the same in SHA-256 sets the session up.
                    let md5 = try client.request("SETUP", track, headers: [
                        AuthRig.transportTCP, ("Authorization", AuthRig.digest(method: "SETUP", uri: track, nonce: nonce, nc: 1)),
                    ])
                    #expect(md5.status == 401, "\(path): \(md5)")
                    let setup = try client.request("SETUP", track, headers: [
                        AuthRig.transportTCP,
                        ("Authorization", AuthRig.digest(method: "SETUP", uri: track, nonce: nonce, algorithm: "SHA-256", nc: 2)),
                    ])
                    try #require(setup.status == 200, "\(path): \(setup)")
                    let session = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
                    let play = try client.request("PLAY", url, headers: [("Session", session), ("Range", "npt=0.000-")])
                    #expect(play.status == 200, "\(path): \(play)")
                    let frame = try client.readFrame()
                    #expect(frame.channel == 0 && frame.payload.count > 12, "\(path)")
                }
            }
        }
    }
}
