import Foundation
import RTSP
import Testing

extension Integration {
    /// A `codec: h265` stream: an RFC 7798 SDP, then ffprobe, ffmpeg and GStreamer read and
    /// decode it over UDP and TCP.
    @Suite
    struct H265StreamTests {
        static let yaml = """
            server: {bind: 127.0.0.1, port: 0}
            cameras:
              - path: hevc
                scene: smpte-clock
                streams:
                  - {name: main, codec: h265, size: 320x240, fps: 15, gop: 15, bitrate: 300k}
            """

        static func withServer(_ body: (String, Int) async throws -> Void) async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.yaml)) { server in
                try await body(server.url(forPath: "hevc"), server.port)
            }
        }

        @Test func describeAnnouncesH265WithParameterSets() async throws {
            try await Self.withServer { url, port in
                let client = try RawRTSPClient(port: port)
                let reply = try client.request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
                #expect(reply.status == 200)
                let lines = reply.bodyText.split(separator: "\r\n").map(String.init)
                #expect(lines.contains("m=video 0 RTP/AVP 96"), "\(reply)")
                #expect(lines.contains("a=rtpmap:96 H265/90000"), "\(reply)")
                let fmtp = try #require(lines.first { $0.hasPrefix("a=fmtp:96 ") }, "\(reply)")
                let parameters = try H265FormatParameters.parse(String(fmtp.dropFirst("a=fmtp:96 ".count)))
                #expect(parameters.profileID == 1 && parameters.tierFlag == 0)
                #expect((parameters.levelID ?? 0) > 0)
                // Each sprop holds one NAL unit of its type (H.265 Table 7-1: 32, 33, 34).
                #expect(parameters.videoParameterSets.map { $0[0] >> 1 } == [32])
                #expect(parameters.sequenceParameterSets.map { $0[0] >> 1 } == [33])
                #expect(parameters.pictureParameterSets.map { $0[0] >> 1 } == [34])
            }
        }

        @Test(arguments: ["udp", "tcp"])
        func ffprobeReadsHEVCAtTheConfiguredSize(transport: String) async throws {
            try await Self.withServer { url, _ in
                let stream = try await FFprobeTests.probe(url, transport: transport)
                #expect(stream.codec_name == "hevc")
                #expect(stream.width == 320)
                #expect(stream.height == 240)
            }
        }

        @Test(arguments: ["udp", "tcp"])
        func ffmpegDecodesFiveSeconds(transport: String) async throws {
            try await Self.withServer { url, _ in
                let (result, frames) = try await Clients.ffmpegFrames(url, transport: transport, seconds: 5)
                #expect(result.succeeded, "\(result)")
                // 5 s at 15 fps is 75 frames; allow for the start.
                #expect(frames >= 60, "decoded \(frames) frames\n\(result)")
                #expect(!result.stderr.contains("Could not find ref") && !result.stderr.contains("PPS id out of range"), "\(result)")
            }
        }

        @Test(arguments: ["udp", "tcp"])
        func gstreamerDecodesFiveSeconds(transport: String) async throws {
            let gst = try Clients.gstLaunch()
            try await Self.withServer { url, _ in
                let result = await ClientProcess.run(gst, [
                    "rtspsrc", "location=\(url)", "protocols=\(transport)",
                    "!", "rtph265depay", "!", "h265parse", "!", "avdec_h265", "!", "fakesink", "num-buffers=75",
                ], timeoutSeconds: 60)
                #expect(result.gstreamerPlayedToTheEnd, "\(result)")
            }
        }
    }
}
