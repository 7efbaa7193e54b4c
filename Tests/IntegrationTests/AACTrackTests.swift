import Foundation
import Testing

extension Integration {
    /// A camera with an AAC-LC track (RFC 3640 AAC-hbr) against ffprobe, ffmpeg and GStreamer,
    /// and the av-sync beep against the flash it is paired with.
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
                    "-q", "rtspsrc", "name=src", "location=\(server.url(forPath: "cam"))", "protocols=\(transport)",
                    "src.", "!", "queue", "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=20",
                    "src.", "!", "queue", "!", "rtpmp4gdepay", "!", "aacparse", "!", "avdec_aac", "!", "fakesink", "num-buffers=60",
                ], timeoutSeconds: 60)
                #expect(result.succeeded, "\(result)")
            }
        }

        /// On `av-sync`, ffmpeg decodes both tracks for 10 s on one timeline (its RTCP
        /// sender-report mapping, -copyts): every beep onset, from the decoded PCM, is within
        /// one video frame of the flash, from the decoded luma.
        @Test(arguments: ["aac", "pcmu"])
        func beepOnsetsMeetTheirFlashes(codec: String) async throws {
            let fps = 25.0
            let rate = codec == "aac" ? 48_000 : 8000
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-avsync-\(UUID()).raw")
            defer { try? FileManager.default.removeItem(at: file) }
            let yaml = Self.config(
                audio: "{codec: \(codec)}", scene: "av-sync", stream: "{name: main, size: 320x180, fps: 25, preset: ultrafast}")
            let result = try await ConfigServer.with(try ConfigServer.parse(yaml)) { server in
                await ClientProcess.run(try Clients.ffmpeg(), [
                    "-nostdin", "-hide_banner", "-v", "info", "-rtsp_transport", "tcp", "-i", server.url(forPath: "cam"),
                    "-copyts",
                    "-map", "0:v", "-t", "10", "-vf", "scale=32:18,showinfo", "-f", "null", "-",
                    "-map", "0:a", "-t", "10", "-af", "ashowinfo", "-f", "s16le", "-ac", "1", "-ar", "\(rate)", "-y", file.path,
                ], timeoutSeconds: 60)
            }
            try #require(result.succeeded, "\(result)")
            let flashes = Self.flashTimes(result.stderr)
            let audioStart = try #require(Self.firstAudioTime(result.stderr), "no ashowinfo line\n\(result.stderr.suffix(2000))")
            let samples = try Data(contentsOf: file).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
            let onsets = Self.onsets(samples, rate: rate).map { audioStart + Double($0) / Double(rate) }
            try #require(onsets.count >= 7 && flashes.count >= 7, "onsets \(onsets), flashes \(flashes)")
            var offsets: [Double] = []
            for onset in onsets {
                guard let flash = flashes.min(by: { abs($0 - onset) < abs($1 - onset) }), abs(flash - onset) < 0.5 else {
                    Issue.record("a beep at \(onset) s has no flash within half a second: \(flashes)")
                    continue
                }
                offsets.append(onset - flash)
            }
            print("av-sync \(codec): beep − flash per second (ms): \(offsets.map { String(format: "%.1f", $0 * 1000) })")
            #expect(offsets.allSatisfy { abs($0) <= 1 / fps }, "\(offsets)")
        }

        /// Presentation times of the frames that start a flash (mean luma jumps above 128),
        /// from showinfo's `pts_time:` and `mean:[Y U V]`.
        static func flashTimes(_ log: String) -> [Double] {
            var times: [Double] = []
            var wasBright = true  // a flash already on at the start is not an onset
            for line in log.split(separator: "\n") where line.contains("Parsed_showinfo") && line.contains("mean:[") {
                guard let time = value(after: "pts_time:", in: line), let luma = value(after: "mean:[", in: line) else { continue }
                let bright = luma > 128
                if bright && !wasBright { times.append(time) }
                wasBright = bright
            }
            return times
        }

        /// The presentation time of the first decoded audio frame, from ashowinfo.
        static func firstAudioTime(_ log: String) -> Double? {
            log.split(separator: "\n").first { $0.contains("Parsed_ashowinfo") && $0.contains("pts_time:") }
                .flatMap { value(after: "pts_time:", in: $0) }
        }

        /// Sample indices where sound starts after at least 300 ms of near silence.
        static func onsets(_ samples: [Int16], rate: Int) -> [Int] {
            var onsets: [Int] = []
            var quiet = 0
            for (index, sample) in samples.enumerated() {
                if abs(Int(sample)) > 2000 {
                    if quiet >= rate * 3 / 10 { onsets.append(index) }
                    quiet = 0
                } else {
                    quiet += 1
                }
            }
            return onsets
        }

        static func value(after key: String, in line: Substring) -> Double? {
            guard let range = line.range(of: key) else { return nil }
            let rest = line[range.upperBound...].drop { $0 == " " }
            return Double(rest.prefix { $0.isNumber || $0 == "." || $0 == "-" })
        }
    }
}
