import Testing
@testable import Config

@Suite("A camera's audio")
struct AudioConfigTests {
    @Test func aCameraReadsItsAudioAndDefaultsFillTheRest() throws {
        let config = try parse("""
            cameras:
              - path: door
                audio: {codec: pcma, rate: 8000, channels: 1, tone: {freq: 440, level_dbfs: -12}}
              - path: lobby
                audio: {codec: PCMU}
              - path: quiet
            """)
        #expect(config.cameras[0].audio == AudioConfig(codec: .pcma, signal: .tone(frequency: 440, levelDBFS: -12)))
        #expect(config.cameras[1].audio == AudioConfig(codec: .pcmu, rate: 8000, channels: 1, signal: .tone(frequency: 1000, levelDBFS: -20)))
        #expect(config.cameras[2].audio == nil)
    }

    @Test func defaultsGiveEveryCameraAudio() throws {
        let config = try parse("""
            defaults:
              audio: {codec: pcmu}
            cameras:
              - path: a
            """)
        #expect(config.cameras[0].audio?.codec == .pcmu)
    }

    @Test func problemsNameTheAudioField() {
        let cases: [(yaml: String, keyPath: String, words: String)] = [
            ("{codec: opus}", "cameras[0].audio.codec", "unknown audio codec 'opus'"),
            ("{codec: pcmu, rate: 16000}", "cameras[0].audio.rate", "8000"),
            ("{codec: pcmu, channels: 2}", "cameras[0].audio.channels", "1 channel"),
            ("{codec: pcmu, tone: {freq: 5000}}", "cameras[0].audio.tone.freq", "3999"),
            ("{codec: pcmu, tone: {level_dbfs: 3}}", "cameras[0].audio.tone.level_dbfs", "dBFS"),
            ("{codec: pcmu, volume: 3}", "cameras[0].audio.volume", "volume"),
        ]
        for entry in cases {
            let found = problems("cameras:\n  - path: a\n    audio: \(entry.yaml)\n")
            #expect(found.contains { $0.keyPath == entry.keyPath && $0.description.contains(entry.words) },
                    "\(entry.yaml): \(found)")
        }
    }

    @Test func theAudioSurvivesAWriteAndReread() throws {
        let config = try parse("cameras:\n  - path: a\n    audio: {codec: pcma, tone: {freq: 697.5, level_dbfs: -6}}\n")
        let reread = try parse(try config.yaml())
        #expect(reread.cameras[0].audio == config.cameras[0].audio)
    }
}
