import Foundation
import Testing

extension Integration {
    /// ffprobe sees H.264 at the configured size, over UDP and over TCP.
    @Suite
    struct FFprobeTests {
        struct Probe: Decodable {
            struct Stream: Decodable {
                var codec_name: String?
                var width: Int?
                var height: Int?
            }
            var streams: [Stream]
        }

        /// Probes `url` and returns its video stream.
        static func probe(_ url: String, transport: String) async throws -> Probe.Stream {
            let result = try await Clients.ffprobeRTSP(
                url, transport: transport, ["-show_entries", "stream=codec_name,width,height", "-of", "json"])
            try #require(result.succeeded, "ffprobe failed\n\(result)")
            let probe = try JSONDecoder().decode(Probe.self, from: Data(result.stdout.utf8))
            return try #require(probe.streams.first, "ffprobe found no stream\n\(result)")
        }

        @Test(arguments: ["udp", "tcp"])
        func singleStreamCamera(transport: String) async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let stream = try await Self.probe(server.url(forPath: "cam"), transport: transport)
                #expect(stream.codec_name == "h264")
                #expect(stream.width == 640)
                #expect(stream.height == 360)
            }
        }

        @Test(arguments: ["udp", "tcp"])
        func subStreamOfTwoStreamCamera(transport: String) async throws {
            try await TestServer.with(cameras: [try TestServer.twoStreamCamera("cam")]) { server in
                let sub = try await Self.probe(server.url(forPath: "cam/sub"), transport: transport)
                #expect(sub.codec_name == "h264")
                #expect(sub.width == 320)
                #expect(sub.height == 180)
                let main = try await Self.probe(server.url(forPath: "cam/main"), transport: transport)
                #expect(main.width == 640)
                #expect(main.height == 360)
            }
        }
    }
}
