import Foundation
import Testing

extension Integration {
    /// A camera with an AAC-LC track (RFC 3640 AAC-hbr) against ffprobe, ffmpeg and GStreamer.
    @Suite
    struct AACTrackTests {
        /// One camera at `cam` with `audio:` as given (a YAML flow mapping).
        static func config(audio: String, scene: String = "smpte-clock", stream: String? = nil) -> String {
            let camera = stream.map { FaultRig.camera("cam", scene: scene, stream: $0) } ?? FaultRig.camera("cam", scene: scene)
            return FaultRig.serverBlock() + "cameras:\n" + camera + "    audio: \(audio)\n"
        }

        @Test func ffprobeListsAACBesideTheVideo() async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.config(audio: "{codec: aac, rate: 44100, channels: 2}"))) { server in
                let result = try await Clients.ffprobeRTSP(
                    server.url(forPath: "cam"), transport: "tcp",
                    ["-show_entries", "stream=codec_name,codec_type,sample_rate,channels", "-of", "csv=p=0"])
                try #require(result.succeeded, "\(result)")
                let lines = result.stdout.split(separator: "\n").map(String.init)
                #expect(lines.first?.hasPrefix("h264,video") == true, "\(result.stdout)")
                #expect(lines.last == "aac,audio,44100,2", "\(result.stdout)")
            }
        }

        /// ffmpeg decodes 5 s of 48 kHz AAC over UDP; the tone measures within 1 % of 1000 Hz.
        @Test func ffmpegDecodesTheTone() async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-aac-\(UUID()).raw")
            defer { try? FileManager.default.removeItem(at: file) }
            let yaml = Self.config(audio: "{codec: aac, rate: 48000, tone: {freq: 1000, level_dbfs: -10}}")
            try await ConfigServer.with(try ConfigServer.parse(yaml)) { server in
                let result = try await Clients.ffmpegPull(
                    server.url(forPath: "cam"), transport: "udp",
                    output: ["-vn", "-t", "5", "-f", "s16le", "-ac", "1", "-ar", "48000", "-y", file.path])
                try #require(result.succeeded, "\(result)")
                #expect(result.stderr.isEmpty, "ffmpeg reported errors:\n\(result.stderr)")
            }
            let samples = try Data(contentsOf: file).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
            #expect(samples.count >= 48_000 * 4, "about 5 s of 48 kHz audio, got \(samples.count) samples")
            let measured = try #require(AudioTrackTests.frequency(of: Array(samples.dropFirst(4800)), rate: 48_000))
            print("AAC tone of 1000 Hz: measured \(String(format: "%.2f", measured)) Hz over \(samples.count) samples")
            #expect(abs(measured - 1000) / 1000 < 0.01)
        }

        /// One rtspsrc, two branches: H.264 and AAC (rtpmp4gdepay ! aacparse ! avdec_aac) both
        /// reach their sinks.
        @Test(arguments: ["tcp", "udp"])
        func gstreamerDecodesAAC(transport: String) async throws {
            let gst = try Clients.gstLaunch()
            try await ConfigServer.with(try ConfigServer.parse(Self.config(audio: "{codec: aac}"))) { server in
                let result = await ClientProcess.run(gst, [
                    "rtspsrc", "name=src", "location=\(server.url(forPath: "cam"))", "protocols=\(transport)",
                    "src.", "!", "queue", "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=20",
                    "src.", "!", "queue", "!", "rtpmp4gdepay", "!", "aacparse", "!", "avdec_aac", "!", "fakesink", "num-buffers=60",
                ], timeoutSeconds: 60)
                #expect(result.gstreamerPlayedToTheEnd, "\(result)")
            }
        }
    }
}
