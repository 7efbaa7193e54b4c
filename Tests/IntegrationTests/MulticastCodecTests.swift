import Cameras
import Foundation
import RTSP
import Server
import Testing

extension Integration {
    /// A multicast group of an `h265` or `jpeg` stream: the group carries the stream's own
    /// format, and ffmpeg decodes it from the group (RFC 2326 §12.39).
    @Suite(.serialized)
    struct MulticastCodecTests {
        static let answer = MulticastTransport(group: IPv4Address(parsing: "239.255.42.78")!, rtpPort: 40156, ttl: 1)

        @Test(arguments: [("h265", "hevc"), ("jpeg", "mjpeg")])
        func ffmpegDecodesTheGroup(codec: String, decoder: String) async throws {
            let ffmpeg = try Clients.ffmpeg()
            try await MulticastNamespace.with { namespace in
                var camera = try TestServer.camera("cam")
                if codec == "h265" { camera.streams[0].encodeAsH265() } else { camera.streams[0].useJPEG(quality: 80) }
                camera.multicast = ["main": Self.answer]
                var configuration = ServerConfiguration(bindHost: namespace.hostAddress, port: 0)
                configuration.multicast = MulticastDelivery(ttl: 1, interface: namespace.hostInterface)
                let server = CamsimServer(configuration: configuration, cameras: [camera])
                try await TestServer.running(server) { server in
                    let group = try #require(server.multicastGroup(atPath: "cam"))
                    // 2 s at 15 fps; at `-v info` ffmpeg names the input's codec.
                    let pull = namespace.exec([
                        ffmpeg, "-nostdin", "-hide_banner", "-v", "info", "-rtsp_transport", "udp_multicast",
                        "-i", server.url(forPath: "cam"), "-frames:v", "30", "-f", "framecrc", "-",
                    ])
                    let result = await ClientProcess.run(pull.executable, pull.arguments, timeoutSeconds: 60)
                    #expect(result.succeeded, "\(result)")
                    let frames = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
                    #expect(frames.count == 30, "decoded \(frames.count) frames\n\(result)")
                    #expect(result.stderr.contains("Video: \(decoder)"), "\(result)")
                    #expect(group.counters.snapshot.packetsSent > 0)
                    #expect(group.counters.snapshot.starts == 1)
                }
            }
        }
    }
}
