import Foundation
import Testing

extension Integration {
    /// A camera with a G.711 audio track beside its video, against ffprobe, ffmpeg,
    /// GStreamer and a raw interleaved client.
    @Suite
    struct AudioTrackTests {
        /// One camera at `cam` with `audio:` as given (a YAML flow mapping).
        static func config(audio: String = "{codec: pcmu, tone: {freq: 1000, level_dbfs: -20}}") -> String {
            FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("cam") + "    audio: \(audio)\n"
        }

        struct Probe: Decodable {
            struct Stream: Decodable {
                var codec_name: String?
                var codec_type: String?
                var sample_rate: String?
            }
            var streams: [Stream]
        }

        @Test(arguments: [("pcmu", "pcm_mulaw"), ("pcma", "pcm_alaw")])
        func ffprobeListsVideoAndAudio(codec: String, expected: String) async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.config(audio: "{codec: \(codec)}"))) { server in
                let result = try await Clients.ffprobeRTSP(
                    server.url(forPath: "cam"), transport: "tcp",
                    ["-show_entries", "stream=codec_name,codec_type,sample_rate", "-of", "json"])
                try #require(result.succeeded, "\(result)")
                let probe = try JSONDecoder().decode(Probe.self, from: Data(result.stdout.utf8))
                #expect(probe.streams.map(\.codec_type) == ["video", "audio"], "\(result.stdout)")
                #expect(probe.streams.first?.codec_name == "h264")
                #expect(probe.streams.last?.codec_name == expected)
                #expect(probe.streams.last?.sample_rate == "8000")
            }
        }

        /// ffmpeg decodes 5 s of the track; the tone's frequency, from the zero crossings of
        /// the decoded samples, is within 1 % of the configured 1000 Hz (and 440 Hz over A-law).
        @Test(arguments: [("pcmu", 1000.0), ("pcma", 440.0)])
        func theDecodedToneHasTheConfiguredFrequency(codec: String, frequency: Double) async throws {
            let yaml = Self.config(audio: "{codec: \(codec), tone: {freq: \(frequency), level_dbfs: -10}}")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-tone-\(UUID()).raw")
            defer { try? FileManager.default.removeItem(at: file) }
            try await ConfigServer.with(try ConfigServer.parse(yaml)) { server in
                let result = try await Clients.ffmpegPull(
                    server.url(forPath: "cam"), transport: "tcp",
                    output: ["-vn", "-t", "5", "-f", "s16le", "-ac", "1", "-ar", "8000", "-y", file.path])
                try #require(result.succeeded, "\(result)")
            }
            let data = try Data(contentsOf: file)
            let samples = data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
            #expect(samples.count >= 8000 * 4, "about 5 s of 8 kHz audio, got \(samples.count) samples")
            let measured = try #require(Self.frequency(of: samples, rate: 8000))
            print("\(codec) tone of \(frequency) Hz: measured \(String(format: "%.2f", measured)) Hz over \(samples.count) samples")
            #expect(abs(measured - frequency) / frequency < 0.01)
            let peak = samples.map { abs(Int($0)) }.max() ?? 0
            // -10 dBFS: a peak of about 10362; G.711 keeps it within a few percent.
            #expect((9500...11200).contains(peak), "peak \(peak)")
        }

        /// Rising zero crossings, interpolated between samples: crossings over the time between
        /// the first and the last one.
        static func frequency(of samples: [Int16], rate: Double) -> Double? {
            var crossings: [Double] = []
            for index in 1..<samples.count where samples[index - 1] < 0 && samples[index] >= 0 {
                let before = Double(samples[index - 1]), after = Double(samples[index])
                crossings.append(Double(index - 1) + -before / (after - before))
            }
            guard let first = crossings.first, let last = crossings.last, crossings.count > 2 else { return nil }
            return Double(crossings.count - 1) / ((last - first) / rate)
        }

        /// One rtspsrc, two branches: the H.264 video and the μ-law audio both reach their sinks.
        @Test(arguments: ["tcp", "udp"])
        func gstreamerPlaysAudioAndVideoTogether(transport: String) async throws {
            let gst = try Clients.gstLaunch()
            try await ConfigServer.with(try ConfigServer.parse(Self.config())) { server in
                let result = await ClientProcess.run(gst, [
                    "rtspsrc", "name=src", "location=\(server.url(forPath: "cam"))", "protocols=\(transport)",
                    "src.", "!", "queue", "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=20",
                    "src.", "!", "queue", "!", "rtppcmudepay", "!", "mulawdec", "!", "fakesink", "num-buffers=50",
                ], timeoutSeconds: 60)
                #expect(result.gstreamerPlayedToTheEnd, "\(result)")
            }
        }

        /// A client that SETUPs only the video gets only video (a raw client sees channels 0-1
        /// only, and PLAY's RTP-Info names only the video; ffmpeg `-allowed_media_types video`
        /// decodes the video). ffmpeg `-an`, which SETUPs both tracks, gets the video from the
        /// start of its timeline: the audio starts with the video's first frame, not while the
        /// video's encoder opens (the camera stops its encoder when unwatched, `idle_stop: 0`).
        @Test func setupOfTheVideoOnlyGivesOnlyVideo() async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.config())) { server in
                let ffmpeg = try Clients.ffmpeg()
                let videoOnly = await ClientProcess.run(ffmpeg, [
                    "-nostdin", "-hide_banner", "-v", "error", "-rtsp_transport", "tcp", "-allowed_media_types", "video",
                    "-i", server.url(forPath: "cam"), "-t", "2", "-f", "framecrc", "-",
                ], timeoutSeconds: 60)
                let videoFrames = videoOnly.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
                // 15 fps for 2 s: 30 frames, more than 10 on a loaded machine.
                #expect(videoOnly.succeeded && videoFrames.count > 10, "\(videoOnly)")
                // One output stream, the video: every framecrc line is stream 0's.
                #expect(videoFrames.allSatisfy { $0.hasPrefix("0,") }, "\(videoOnly.stdout.prefix(400))")
                let (result, frames) = try await Clients.ffmpegFrames(
                    server.url(forPath: "cam"), transport: "tcp", seconds: 2)
                #expect(result.succeeded && frames > 10, "\(result)")
                let port = try #require(URLComponents(string: server.url(forPath: "cam"))?.port)
                let client = try RawRTSPClient(port: port)
                let url = server.url(forPath: "cam")
                let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                try #require(setup.status == 200, "\(setup)")
                let session = try #require(setup.header("Session")?.split(separator: ";").first.map(String.init))
                let play = try client.request("PLAY", url, headers: [("Session", session)])
                try #require(play.status == 200, "\(play)")
                let info = play.header("RTP-Info") ?? ""
                #expect(info.contains("trackID=0") && !info.contains("trackID=1"), "\(info)")
                var channels = Set<UInt8>()
                let end = Date().addingTimeInterval(1.5)
                while Date() < end { channels.insert(try client.readFrame().channel) }
                #expect(channels.isSubset(of: [0, 1]) && channels.contains(0), "\(channels)")
            }
        }
    
        /// What one raw interleaved viewer of both tracks measured: each track's packets
        /// mapped to NTP time by that track's sender report, less their arrival time.
        struct SyncViewer {
            let client: RawRTSPClient
            var senderReports: [UInt8: (ntp: Double, rtp: UInt32)] = [:]
            var packets: [(channel: UInt8, rtp: UInt32, arrival: Double)] = []

            /// SETUPs trackID=0 on 0-1 and trackID=1 on 2-3 with `query` on both, and PLAYs.
            init(port: Int, url: String, query: String) throws {
                client = try RawRTSPClient(port: port)
                let video = try client.request("SETUP", url + "/trackID=0" + query, headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                try #require(video.status == 200, "\(video)")
                let session = try #require(video.header("Session")?.split(separator: ";").first.map(String.init))
                let audio = try client.request("SETUP", url + "/trackID=1" + query, headers: [
                    ("Transport", "RTP/AVP/TCP;unicast;interleaved=2-3"), ("Session", session),
                ])
                try #require(audio.status == 200, "\(audio)")
                let play = try client.request("PLAY", url + "/", headers: [("Session", session)])
                try #require(play.status == 200, "\(play)")
                let info = play.header("RTP-Info") ?? ""
                #expect(info.contains("trackID=0") && info.contains("trackID=1"), "RTP-Info names both tracks: \(info)")
            }

            /// Reads what has arrived, stamping each frame with the time it was read.
            mutating func poll() throws {
                while client.hasIncomingData(timeoutSeconds: 0.002) {
                    let frame = try client.readFrame()
                    let bytes = frame.payload
                    let now = Date().timeIntervalSince1970 + 2_208_988_800
                    if frame.channel % 2 == 1 {
                        // RFC 3550 §6.4.1: an SR (PT 200) first, NTP at 8-15, RTP timestamp at 16-19.
                        guard bytes.count >= 20, bytes[1] == 200 else { continue }
                        let seconds = Self.be32(bytes, 8), fraction = Self.be32(bytes, 12)
                        senderReports[frame.channel] = (Double(seconds) + Double(fraction) / 4_294_967_296, Self.be32(bytes, 16))
                    } else if bytes.count >= 12 {
                        packets.append((frame.channel, Self.be32(bytes, 4), now))
                    }
                }
            }

            static func be32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
                UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
            }

            /// Median of (NTP time of the packet by its track's SR) − (arrival), per track.
            func lead(channel: UInt8, rate: Double) -> Double? {
                guard let report = senderReports[channel + 1] else { return nil }
                let values = packets.filter { $0.channel == channel }.map { packet in
                    report.ntp + Double(Int32(bitPattern: packet.rtp &- report.rtp)) / rate - packet.arrival
                }.sorted()
                return values.isEmpty ? nil : values[values.count / 2]
            }

            /// How much later than the video the audio is presented, in milliseconds.
            var audioOffsetMilliseconds: Double? {
                guard let audio = lead(channel: 2, rate: 8000), let video = lead(channel: 0, rate: 90000) else { return nil }
                return (audio - video) * 1000
            }
        }

        /// `audio_offset: 200` on one viewer: by its sender reports that viewer's audio comes
        /// about 200 ms after its video, while another viewer of the camera measures about 0.
        @Test func audioOffsetShiftsOneViewersAudio() async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.config())) { server in
                let url = server.url(forPath: "cam")
                let port = try #require(URLComponents(string: url)?.port)
                var shifted = try SyncViewer(port: port, url: url, query: "?audio_offset=200")
                var clean = try SyncViewer(port: port, url: url, query: "")
                let end = Date().addingTimeInterval(2)
                while Date() < end {
                    try shifted.poll()
                    try clean.poll()
                }
                let measured = try #require(shifted.audioOffsetMilliseconds, "no sender report or packets: \(shifted.senderReports)")
                let reference = try #require(clean.audioOffsetMilliseconds, "no sender report or packets: \(clean.senderReports)")
                print("audio_offset=200: measured \(String(format: "%.1f", measured)) ms; clean viewer \(String(format: "%.1f", reference)) ms")
                #expect(abs(measured - 200) <= 35)
                #expect(abs(reference) <= 35)
            }
        }
    }
}
