import Testing
@testable import Config

@Suite("A camera's recording")
struct CameraRecordingTests {
    @Test func aCameraEntryReadsItsRecording() throws {
        let config = try parse("""
            cameras:
              - path: lobby
                scene: timecode
                recording:
                  start: 2026-11-25T00:00:00Z
                  end: 2026-11-25T02:00:00Z
                  gaps:
                    - { at: 2026-11-25T01:00:00Z, duration: 10m }
                  loop: true
              - path: door
            """)
        let start: Int64 = 1_795_564_800 * 1_000_000_000
        let hour: Int64 = 3600 * 1_000_000_000
        #expect(config.cameras[0].recording == RecordingConfig(
            startNanoseconds: start, end: .at(unixNanoseconds: start + 2 * hour),
            gaps: [.init(startNanoseconds: start + hour, endNanoseconds: start + hour + hour / 6)], loop: true))
        #expect(config.cameras[1].recording == nil)
    }

    @Test func defaultsGiveEveryCameraARecording() throws {
        let config = try parse("""
            defaults:
              recording: { start: -24h }
            cameras:
              - path: lobby
            """)
        let recording = try #require(config.cameras[0].recording)
        #expect(recording.end == .growing)
    }

    @Test func problemsNameTheCameraField() {
        let found = problems("""
            cameras:
              - path: lobby
                recording:
                  start: -1h
                  gaps:
                    - { at: -2h, duration: 1m }
            """)
        #expect(found.contains { $0.keyPath == "cameras[0].recording.gaps[0].at" && $0.line == 6 }, "\(found)")
    }

    @Test func maxPlaybackSessionsIsBounded() throws {
        #expect(try parse("server: { max_playback_sessions: 3 }\n").server.maxPlaybackSessions == 3)
        #expect(try parse("cameras: [{ path: a }]\n").server.maxPlaybackSessions == ServerSettings.defaultMaxPlaybackSessions)
        let found = problems("server: { max_playback_sessions: -1 }\n")
        #expect(found.contains { $0.keyPath == "server.max_playback_sessions" }, "\(found)")
    }
}

extension CameraRecordingTests {
    /// `start: -24h` resolves to a later instant at each load; a reload of the same text is
    /// no change, and a changed recording is.
    @Test func aReloadOfTheSameRecordingIsNoChange() throws {
        let yaml = "cameras:\n  - path: lobby\n    recording: { start: -24h }\n"
        let first = try parse(yaml)
        let second = try parse(yaml)
        #expect(ConfigDiff(old: first, new: second).isEmpty)
        let other = try parse("cameras:\n  - path: lobby\n    recording: { start: -23h }\n")
        #expect(ConfigDiff(old: first, new: other).changed.count == 1)
    }
}
