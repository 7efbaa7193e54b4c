import Config
import Foundation
import Testing

extension Integration {
    /// The media services against clients we did not write: onvif-zeep (ver10, its own
    /// WSDLs) sets a 1280x720 camera's main stream to 640x360 and ffprobe then reads
    /// 640x360 from the stream URI; raw SOAP with a WS-Security digest (Media2, for which
    /// onvif-zeep has no WSDL) switches the sub stream to H.265 and ffprobe reads hevc.
    /// The camera's AAC track and G.711 backchannel show as audio configurations, and the
    /// RTSPS URL is given when it is asked for.
    @Suite(.serialized)
    struct ONVIFMediaTests {
        static func config() -> CamsimConfig {
            var config = TestControlServer.config(cameras: ["lobby"])
            config.cameras[0].streams = [
                StreamConfig(name: "main", width: 1280, height: 720, fps: 10, rateControl: .bitrate(kbps: 1500), gop: 10),
                StreamConfig(name: "sub", width: 640, height: 360, fps: 10, rateControl: .bitrate(kbps: 500), gop: 20),
            ]
            config.cameras[0].audio = AudioConfig(codec: .aac, rate: 48_000, channels: 1)
            config.cameras[0].backchannel = BackchannelConfig(codec: .pcmu)
            config.server.tls = TLSSettings(port: 0)
            config.users = [UserConfig(name: "admin", password: Secret("s3cret"))]
            return config
        }

        struct Report: Decodable {
            struct Profile: Decodable {
                var token: String
                var encoding, size, audio_source, audio_encoder: String?
                var stream_uri, snapshot_uri: String
                var extension_tokens: [String]
            }
            struct AudioEncoder: Decodable, Equatable {
                var encoding: String
                var sample_rate, bitrate: Int
            }
            struct Encoder2: Decodable {
                var token, encoding: String
                var width, height: Int
                var profile, gov_length: String?
                var children: [String]
            }
            struct Profile2: Decodable {
                var token: String
                var configurations: [String]
                var encoder: Encoder2
                var audio_encoding: String?
            }
            var options_h264_sizes, options_h264_profiles, options_jpeg_sizes: [String]
            var options_frame_rates: [Int]
            var before, odd_size, set: String
            var profiles: [Profile]
            var ver10_rtsps_uri: String
            var audio_source_configurations, audio_outputs, audio_output_configurations: [String]
            var audio_encoders: [AudioEncoder]
            var media2_xaddr: String
            var media2_profiles: [Profile2]
            var media2_bare_profile_children: [String]
            var media2_uri: [String: JSONValue]
            var media2_snapshot: String
            var media2_sub_before, media2_sub_after: Encoder2
            var media2_main10: JSONValue
            var media2_set_h265: JSONValue
            var media2_sub_uri: JSONValue
            var media2_audio_encoder, media2_audio_outputs: [String]
        }

        /// A string, or a fault as `{status, fault}`.
        enum JSONValue: Decodable, Equatable {
            case text(String)
            case fault(status: Int, codes: String)

            init(from decoder: any Decoder) throws {
                if let text = try? decoder.singleValueContainer().decode(String.self) {
                    self = .text(text)
                    return
                }
                struct Fault: Decodable { var status: Int; var fault: String }
                let fault = try Fault(from: decoder)
                self = .fault(status: fault.status, codes: fault.fault)
            }
        }

        @Test func setVideoEncoderConfigurationChangesTheStream() async throws {
            try await TestControlServer.with(config: Self.config()) { running in
                let url = try #require(URL(string: running.baseURL))
                let result = try await PythonClients.runScript(
                    "Tests/IntegrationTests/Python/onvif_media.py", [url.host!, "\(url.port!)", "admin", "s3cret"], timeoutSeconds: 120)
                try #require(result.succeeded, "onvif_media.py failed\n\(result)")
                let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
                let port = running.server.port
                let tlsPort = try #require(running.server.tlsPort)

                // ver10: the options list 640x360, the change is applied, an odd size is refused.
                #expect(report.options_h264_sizes.first == "1280x720")
                #expect(report.options_h264_sizes.contains("640x360"))
                #expect(report.options_jpeg_sizes.contains("640x360") && !report.options_jpeg_sizes.contains("960x540"))
                #expect(report.options_h264_profiles == ["Baseline", "Main", "High"])
                #expect(report.options_frame_rates == [1, 60])
                #expect(report.before == "1280x720")
                #expect(report.odd_size.contains("641x361 is not among"), "\(report.odd_size)")
                #expect(report.set == "accepted")
                #expect(report.profiles.map(\.token) == ["Profile_main", "Profile_sub"])
                #expect(report.profiles[0].size == "640x360")
                #expect(report.profiles[0].stream_uri == "rtsp://127.0.0.1:\(port)/lobby")
                #expect(report.ver10_rtsps_uri == "rtsps://127.0.0.1:\(tlsPort)/lobby")
                let configured = await running.running.config.cameras[0].streams[0]
                #expect((configured.width, configured.height, configured.codec) == (640, 360, .h264))

                // ver10 audio: the AAC track and the backchannel, in every profile.
                #expect(report.profiles.map(\.audio_source) == ["AudioSourceConfig_1", "AudioSourceConfig_1"])
                #expect(report.profiles.map(\.audio_encoder) == ["AAC", "AAC"])
                #expect(report.profiles.map(\.extension_tokens) == Array(repeating: ["AudioOutputConfig_1", "AudioDecoder_1"], count: 2))
                #expect(report.audio_encoders == [.init(encoding: "AAC", sample_rate: 48, bitrate: 64)])
                #expect(report.audio_source_configurations == ["AudioSourceConfig_1"])
                #expect(report.audio_outputs == ["AudioOutput_1"])
                #expect(report.audio_output_configurations == ["AudioOutput_1"])

                // Media2: found through GetServices, profiles by type, URIs by protocol.
                #expect(report.media2_xaddr == "\(running.baseURL)/onvif/lobby/media2_service")
                #expect(report.media2_bare_profile_children == ["Name"])
                #expect(report.media2_profiles.map(\.configurations) == Array(repeating: [
                    "VideoSource", "AudioSource", "VideoEncoder", "AudioEncoder", "AudioOutput", "AudioDecoder",
                ], count: 2))
                #expect(report.media2_profiles[0].encoder.children == ["Name", "UseCount", "Encoding", "Resolution", "RateControl", "Multicast", "Quality"])
                #expect(report.media2_profiles[0].audio_encoding == "mpeg4-generic")
                #expect(report.media2_uri["RtspUnicast"] == .text("rtsp://127.0.0.1:\(port)/lobby"))
                #expect(report.media2_uri["RtspOverHttp"] == .text("rtsp://127.0.0.1:\(port)/lobby"))
                #expect(report.media2_uri["RtspsUnicast"] == .text("rtsps://127.0.0.1:\(tlsPort)/lobby"))
                #expect(report.media2_uri["Carrier-Pigeon"] == .fault(status: 400, codes: "env:Sender/ter:InvalidArgVal/ter:InvalidStreamSetup"))
                #expect(report.media2_snapshot == report.profiles[1].snapshot_uri)
                #expect(report.media2_snapshot.hasSuffix("snapshot.jpg?stream=sub"), "\(report.media2_snapshot)")
                #expect(report.media2_audio_encoder == ["Name", "UseCount", "Encoding", "Multicast", "Bitrate", "SampleRate"])
                #expect(report.media2_audio_outputs == ["AudioOutputConfig_1"])

                // Media2: the sub stream to H.265; Main10 is refused.
                #expect(report.media2_sub_before.encoding == "H264")
                #expect(report.media2_main10 == .fault(status: 400, codes: "env:Sender/ter:InvalidArgVal/ter:ConfigModify"))
                #expect(report.media2_set_h265 == .text("accepted"))
                #expect(report.media2_sub_after.encoding == "H265")
                #expect(report.media2_sub_after.profile == "Main")
                #expect(report.media2_sub_uri == .text("rtsp://127.0.0.1:\(port)/lobby/sub"))

                // What ffprobe reads from the stream URIs.
                let main = try await Clients.ffprobeRTSP(
                    "rtsp://admin:s3cret@127.0.0.1:\(port)/lobby",
                    ["-select_streams", "v", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0"], timeoutSeconds: 30)
                try #require(main.succeeded, "ffprobe failed\n\(main)")
                #expect(main.stdout.contains("h264,640,360"), "\(main.stdout)")
                let sub = try await Clients.ffprobeRTSP(
                    "rtsp://admin:s3cret@127.0.0.1:\(port)/lobby/sub",
                    ["-select_streams", "v", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0"], timeoutSeconds: 30)
                try #require(sub.succeeded, "ffprobe failed\n\(sub)")
                #expect(sub.stdout.contains("hevc,640,360"), "\(sub.stdout)")
            }
        }
    }
}
