import Foundation
import Server
import Testing

extension Integration {
    /// The recording of an `h265` or `jpeg` stream plays in that codec: the playback SDP
    /// announces the stream's own format, and ffprobe and ffmpeg read and decode what is sent.
    @Suite
    struct PlaybackCodecTests {
        static let yaml = """
            server: {bind: 127.0.0.1, port: 0}
            cameras:
              - path: hevc
                scene: timecode
                recording: {start: -1h}
                streams:
                  - {name: main, codec: h265, size: 320x240, fps: 15, gop: 15, bitrate: 300k}
              - path: mjpeg
                scene: timecode
                recording: {start: -1h}
                streams:
                  - {name: main, codec: jpeg, size: 320x240, fps: 15}
            """

        static func withServer(_ body: (CamsimServer) async throws -> Void) async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.yaml), body)
        }

        @Test(arguments: [("hevc", "a=rtpmap:96 H265/90000"), ("mjpeg", "a=rtpmap:26 JPEG/90000")])
        func playbackDescribeAnnouncesTheStreamCodec(path: String, rtpmap: String) async throws {
            try await Self.withServer { server in
                let client = try RawRTSPClient(port: server.port)
                let reply = try client.request("DESCRIBE", server.url(forPath: "\(path)/playback"), headers: [("Accept", "application/sdp")])
                #expect(reply.status == 200)
                let lines = reply.bodyText.split(separator: "\r\n").map(String.init)
                #expect(lines.contains(rtpmap), "\(reply)")
                #expect(lines.contains { $0.hasPrefix("a=range:clock=") }, "\(reply)")
            }
        }

        @Test(arguments: [("hevc", "hevc"), ("mjpeg", "mjpeg")])
        func ffprobeReadsTheAnnouncedCodecFromPlayback(path: String, codec: String) async throws {
            try await Self.withServer { server in
                let stream = try await FFprobeTests.probe(server.url(forPath: "\(path)/playback"), transport: "tcp")
                #expect(stream.codec_name == codec)
                #expect(stream.width == 320)
                #expect(stream.height == 240)
            }
        }

        @Test(arguments: ["hevc", "mjpeg"])
        func ffmpegDecodesTwoSecondsOfPlayback(path: String) async throws {
            try await Self.withServer { server in
                let (result, frames) = try await Clients.ffmpegFrames(
                    server.url(forPath: "\(path)/playback"), transport: "tcp", seconds: 2)
                #expect(result.succeeded, "\(result)")
                // 2 s at 15 fps is 30 frames; allow for the start.
                #expect(frames >= 20, "decoded \(frames) frames\n\(result)")
                #expect(!result.stderr.contains("Could not find ref") && !result.stderr.contains("PPS id out of range"), "\(result)")
            }
        }
    }
}
