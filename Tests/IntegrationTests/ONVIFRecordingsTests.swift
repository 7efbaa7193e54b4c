import Config
import Foundation
import Testing

extension Integration {
    /// Profile G with onvif-zeep, a client we did not write: it finds the recording, search
    /// and replay services through GetServices, lists and searches the camera's synthetic
    /// recording with WS-Security digests, and gets its replay URI, which ffmpeg then seeks
    /// in; the `timecode` scene's QR code in the decoded frame says which recorded instant it is.
    @Suite(.serialized)
    struct ONVIFRecordingsTests {
        static let fps = 15
        /// 2026-11-25T00:00:00Z.
        static let start: Int64 = 1_795_564_800 * 1_000_000_000
        static let second: Int64 = 1_000_000_000
        /// No footage from 60 s to 120 s, nor in the recording's last 10 minutes.
        static let gaps = [(60, 120), (6600, 7200)]

        static func config() -> CamsimConfig {
            var config = TestControlServer.config(cameras: ["lobby", "door"])
            config.cameras[0].scene = .named("timecode")
            config.cameras[0].recording = RecordingConfig(
                startNanoseconds: start, end: .at(unixNanoseconds: start + 7200 * second),
                gaps: gaps.map { .init(startNanoseconds: start + Int64($0.0) * second, endNanoseconds: start + Int64($0.1) * second) })
            config.users = [UserConfig(name: "admin", password: Secret("s3cret"))]
            return config
        }

        struct Report: Decodable {
            struct Recording: Decodable {
                struct Track: Decodable { var token, type: String }
                var token, source_id, content, retention: String
                var tracks: [Track]
            }
            struct Information: Decodable, Equatable {
                struct Track: Decodable, Equatable { var token, type, from, to: String }
                var token, source_name, source_address, status: String
                var earliest, latest: String?
                var tracks: [Track]
            }
            var recording_xaddr, search_xaddr, replay_xaddr: String
            var recordings: [Recording]
            var summary: [String: StringOrInt]
            struct Event: Decodable, Equatable { var time, track: String; var present: String? }
            var search_state, event_state: String
            var events: [Event]
            var found: [Information]
            var end_search: String
            var after_end: String
            var information: Information
            var unknown_information, unknown_replay: String
            var replay_uri, session_timeout: String
        }

        enum StringOrInt: Decodable, Equatable {
            case string(String), int(Int)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let int = try? container.decode(Int.self) { self = .int(int) } else { self = .string(try container.decode(String.self)) }
            }
        }

        /// The first frame ffmpeg decodes after `-ss SECONDS` on `uri`, read by zbar.
        static func firstFrame(_ uri: String, seconds: Int) async throws -> PlaybackClient.Reading {
            let file = PictureDecoder.scratchFile("onvif-replay-\(seconds).yuv")
            defer { try? FileManager.default.removeItem(at: file) }
            let result = await ClientProcess.run(
                try Clients.ffmpeg(),
                ["-nostdin", "-hide_banner", "-v", "error", "-ss", "\(seconds)", "-rtsp_transport", "tcp", "-i", uri,
                 "-an", "-frames:v", "5", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-y", file.path],
                timeoutSeconds: 60)
            try #require(result.succeeded, "ffmpeg failed\n\(result)")
            let frames = PictureFrame.split(try Data(contentsOf: file), width: 640, height: 360)
            try #require(frames.count == 5, "\(frames.count) frames")
            let readings = try await QRCodeReader.read(frames).map { $0.flatMap(PlaybackClient.Reading.init) }
            return try #require(readings[0], "no QR in the first frame: \(readings)")
        }

        @Test func onvifZeepSearchesAndReplaysTheRecording() async throws {
            try await TestControlServer.with(config: Self.config()) { running in
                let url = try #require(URL(string: running.baseURL))
                let result = try await PythonClients.runScript(
                    "Tests/IntegrationTests/Python/onvif_recordings.py",
                    [url.host!, "\(url.port!)", "admin", "s3cret"], timeoutSeconds: 90)
                try #require(result.succeeded, "onvif_recordings.py failed\n\(result)")
                let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
                #expect(report.recording_xaddr == "\(running.baseURL)/onvif/lobby/recording_service")
                #expect(report.search_xaddr == "\(running.baseURL)/onvif/lobby/search_service")
                #expect(report.replay_xaddr == "\(running.baseURL)/onvif/lobby/replay_service")

                let recording = try #require(report.recordings.first)
                #expect(report.recordings.count == 1)
                #expect(recording.token == "Recording_lobby")
                #expect(recording.source_id.hasPrefix("urn:uuid:"))
                #expect(recording.tracks.map(\.type) == ["Video"])

                // The footage: from the start to where the last gap begins.
                #expect(report.summary == [
                    "from": .string("2026-11-25T00:00:00.000Z"), "until": .string("2026-11-25T01:50:00.000Z"), "count": .int(1),
                ])
                let port = running.server.port
                let expected = Report.Information(
                    token: "Recording_lobby", source_name: "lobby", source_address: "rtsp://127.0.0.1:\(port)/lobby",
                    status: "Stopped", earliest: "2026-11-25T00:00:00.000Z", latest: "2026-11-25T01:50:00.000Z",
                    tracks: [.init(token: "VIDEO001", type: "Video", from: "2026-11-25T00:00:00.000Z", to: "2026-11-25T01:50:00.000Z")])
                #expect(report.information == expected)
                #expect(report.search_state == "Completed")
                #expect(report.found == [expected])
                // The gap's edges and the recording's, as recorded events.
                #expect(report.event_state == "Completed")
                #expect(report.events == [
                    .init(time: "2026-11-25T00:00:00.000Z", track: "VIDEO001", present: "true"),
                    .init(time: "2026-11-25T00:01:00.000Z", track: "VIDEO001", present: "false"),
                    .init(time: "2026-11-25T00:02:00.000Z", track: "VIDEO001", present: "true"),
                    .init(time: "2026-11-25T01:50:00.000Z", track: "VIDEO001", present: "false"),
                ])
                #expect(report.after_end.contains("no search has the token"), "\(report.after_end)")
                #expect(report.unknown_information.contains("no recording has the token"), "\(report.unknown_information)")
                #expect(report.unknown_replay.contains("no recording has the token"), "\(report.unknown_replay)")
                #expect(report.session_timeout == "0:01:00")
                #expect(report.replay_uri == "rtsp://127.0.0.1:\(port)/lobby/playback")

                // ffmpeg seeks in the replay URI (with the user's credentials, as an NVR adds
                // them). Plain `-ss` lands one frame slot late (README, "Clients").
                let uri = report.replay_uri.replacingOccurrences(of: "rtsp://", with: "rtsp://admin:s3cret@")
                let slot = Self.second / Int64(Self.fps)
                let at30 = try await Self.firstFrame(uri, seconds: 30)
                let earliest = Self.start
                #expect(abs(at30.unixMilliseconds * 1_000_000 - (earliest + 30 * Self.second)) <= 2 * slot, "\(at30)")
                #expect(at30.frame == 30 * Int64(Self.fps) + 1, "\(at30)")
                // A seek into the gap starts where the footage does again.
                let at90 = try await Self.firstFrame(uri, seconds: 90)
                #expect(at90.unixMilliseconds * 1_000_000 == Self.start + 120 * Self.second, "\(at90)")
            }
        }
    }
}
