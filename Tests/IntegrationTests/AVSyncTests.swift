import Foundation
import Testing

extension Integration {
    /// The av-sync scene against ffmpeg: it decodes both tracks, and each beep's onset is
    /// measured against its flash on ffmpeg's own timeline, each decoded frame and each 5 ms
    /// chunk of audio by its presentation time (showinfo / ametadata `pts_time`, from the
    /// tracks' RTP timestamps and sender reports), not by counting output samples.
    @Suite
    struct AVSyncTests {
        static let fps = 25.0

        static func config(codec: String) -> String {
            AACTrackTests.config(
                audio: "{codec: \(codec)}", scene: "av-sync", stream: "{name: main, size: 320x180, fps: 25, preset: ultrafast}")
        }

        /// ffmpeg pulls `url` over TCP for `seconds` and prints each frame's mean luma and the
        /// peak level of each 5 ms of audio, with their presentation times.
        static func pull(_ url: String, rate: Int, seconds: Int) async throws -> ProcessResult {
            await ClientProcess.run(try Clients.ffmpeg(), [
                "-nostdin", "-hide_banner", "-v", "info", "-rtsp_transport", "tcp", "-i", url, "-copyts",
                "-map", "0:v", "-t", "\(seconds)", "-vf", "scale=32:18,showinfo", "-f", "null", "-",
                "-map", "0:a", "-t", "\(seconds)",
                "-af", "asetnsamples=n=\(rate / 200):p=0,astats=metadata=1:reset=1,ametadata=mode=print:key=lavfi.astats.Overall.Peak_level",
                "-f", "null", "-",
            ], timeoutSeconds: Double(seconds) + 30)
        }

        /// Beep onset − flash, in seconds, for every beep in the log that has a flash within half a second.
        static func offsets(_ log: String) -> (offsets: [Double], flashes: [Double], onsets: [Double]) {
            let flashes = flashTimes(log), onsets = onsetTimes(log)
            var offsets: [Double] = []
            for onset in onsets {
                guard let flash = flashes.min(by: { abs($0 - onset) < abs($1 - onset) }), abs(flash - onset) < 0.5 else { continue }
                offsets.append(onset - flash)
            }
            return (offsets, flashes, onsets)
        }

        static func milliseconds(_ values: [Double]) -> String {
            values.map { String(format: "%.1f", $0 * 1000) }.joined(separator: " ")
        }

        static func median(_ values: [Double]) -> Double? {
            values.isEmpty ? nil : values.sorted()[values.count / 2]
        }

        /// On `av-sync`, ffmpeg decodes both tracks for 10 s: every beep onset is within one
        /// video frame of its flash.
        @Test(arguments: ["pcmu", "aac"])
        func beepOnsetsMeetTheirFlashes(codec: String) async throws {
            let rate = codec == "aac" ? 48_000 : 8000
            let result = try await ConfigServer.with(try ConfigServer.parse(Self.config(codec: codec))) { server in
                try await Self.pull(server.url(forPath: "cam"), rate: rate, seconds: 10)
            }
            try #require(result.succeeded, "\(result)")
            let (offsets, flashes, onsets) = Self.offsets(result.stderr)
            print("av-sync \(codec): beep onset − flash per second (ms): \(Self.milliseconds(offsets))")
            #expect(offsets.count >= 7, "flashes \(flashes), onsets \(onsets)\n\(result.stderr.suffix(3000))")
            #expect(offsets.allSatisfy { abs($0) <= 1 / Self.fps }, "\(Self.milliseconds(offsets))")
        }

        /// Two viewers at once, one with `audio_offset=200` in its URL: by what ffmpeg decodes,
        /// that viewer's beeps come 200 ± 35 ms after their flashes, the other viewer's about 0.
        @Test func audioOffsetShiftsOneViewersBeeps() async throws {
            let (shifted, clean) = try await ConfigServer.with(try ConfigServer.parse(Self.config(codec: "pcmu"))) { server in
                let url = server.url(forPath: "cam")
                async let shifted = Self.pull(url + "?audio_offset=200", rate: 8000, seconds: 6)
                async let clean = Self.pull(url, rate: 8000, seconds: 6)
                return try await (shifted, clean)
            }
            try #require(shifted.succeeded, "\(shifted)")
            try #require(clean.succeeded, "\(clean)")
            let shiftedOffsets = Self.offsets(shifted.stderr).offsets, cleanOffsets = Self.offsets(clean.stderr).offsets
            print("audio_offset=200 viewer: beep − flash (ms): \(Self.milliseconds(shiftedOffsets)); other viewer: \(Self.milliseconds(cleanOffsets))")
            let measured = try #require(Self.median(shiftedOffsets), "\(shifted.stderr.suffix(3000))")
            let reference = try #require(Self.median(cleanOffsets), "\(clean.stderr.suffix(3000))")
            #expect(shiftedOffsets.count >= 3 && cleanOffsets.count >= 3)
            #expect(abs(measured * 1000 - 200) <= 35, "\(Self.milliseconds(shiftedOffsets))")
            #expect(abs(reference) <= 1 / Self.fps, "\(Self.milliseconds(cleanOffsets))")
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

        /// Presentation times of the audio chunks where sound starts after at least 300 ms of
        /// near silence, from ametadata's `pts_time:` lines, each followed by the chunk's
        /// `lavfi.astats.Overall.Peak_level=` in dBFS.
        static func onsetTimes(_ log: String) -> [Double] {
            var onsets: [Double] = []
            var time: Double?
            var quietSince: Double?
            for line in log.split(separator: "\n") {
                if line.contains("Parsed_ametadata"), line.contains("pts_time:") {
                    time = value(after: "pts_time:", in: line)
                } else if let range = line.range(of: "lavfi.astats.Overall.Peak_level="), let now = time {
                    let level = Double(line[range.upperBound...].trimmingCharacters(in: .whitespaces)) ?? -.infinity
                    if level > -30 {
                        if let since = quietSince, now - since >= 0.3 { onsets.append(now) }
                        quietSince = nil
                    } else if quietSince == nil {
                        quietSince = now
                    }
                    time = nil
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
