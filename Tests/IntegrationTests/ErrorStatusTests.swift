import Foundation
import Server
import Testing

extension Integration {
    /// Bad requests get the exact RFC 2326 status, CSeq echoed, and do not disturb
    /// other clients.
    @Suite
    struct ErrorStatusTests {
        static func cameras() throws -> [CameraDefinition] { try BadRequest.cameraPaths.map { try TestServer.camera($0) } }

        /// Checks status and CSeq of one outcome.
        static func check(_ bad: BadRequest, _ outcome: BadRequest.Outcome) {
            #expect(outcome.reply.status == bad.expectedStatus, "\(bad): \(outcome.reply)")
            #expect(outcome.reply.version == "RTSP/1.0", "\(bad): \(outcome.reply)")
            if let cseq = outcome.cseq {
                #expect(outcome.reply.header("CSeq") == "\(cseq)", "\(bad): CSeq not echoed: \(outcome.reply)")
            }
        }

        @Test(arguments: BadRequest.allCases)
        func status(_ bad: BadRequest) async throws {
            try await TestServer.with(cameras: try Self.cameras()) { server in
                let client = try RawRTSPClient(port: server.port)
                Self.check(bad, try bad.perform(on: client, server: server))

                // The server goes on serving: a fresh connection gets a normal answer.
                let other = try RawRTSPClient(port: server.port)
                let options = try other.request("OPTIONS", server.url(forPath: "cam"))
                #expect(options.status == 200, "after \(bad): \(options)")
            }
        }

        @Test
        func garbageDoesNotEndTheConnection() async throws {
            try await TestServer.with(cameras: try Self.cameras()) { server in
                let client = try RawRTSPClient(port: server.port)
                try client.send("garbage\r\n\r\n")
                #expect(try client.readResponse().status == 400)
                let options = try client.request("OPTIONS", server.url(forPath: "cam"))
                #expect(options.status == 200, "\(options)")
            }
        }

        @Test
        func badRequestsDoNotDisturbAPlayingViewer() async throws {
            let fps = 15
            let seconds = 10
            try await TestServer.with(cameras: try Self.cameras()) { server in
                let stream = try #require(server.stream(atPath: "cam"))
                async let pull = Clients.ffmpegFrames(server.url(forPath: "cam"), transport: "tcp", seconds: seconds)
                let watching = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.activeViewers >= 1 }
                #expect(watching, "ffmpeg never started playing")

                for bad in BadRequest.allCases {
                    let client = try RawRTSPClient(port: server.port)
                    Self.check(bad, try bad.perform(on: client, server: server))
                    let flowing = await Poll.framesStillFlowing(stream)
                    #expect(flowing, "frames stopped flowing to the viewer after \(bad)")
                }

                let (result, frames) = try await pull
                #expect(result.succeeded, "\(result)")
                #expect(
                    Double(frames) >= 0.95 * Double(fps * seconds),
                    "the viewer got \(frames) of \(fps * seconds) frames\n\(result)")
            }
        }
    }
}
