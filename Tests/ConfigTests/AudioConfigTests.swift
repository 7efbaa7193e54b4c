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
        #expect(config.cameras[1].audio == AudioConfig(codec: .pcmu, rate: 8000, channels: 1, signal: nil))
        #expect(config.cameras[1].audio?.resolvedSignal(sceneFlashes: false) == AudioConfig.defaultSignal)
        #expect(config.cameras[1].audio?.resolvedSignal(sceneFlashes: true) == AudioConfig.avSyncBeep)
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
            ("{codec: aac, rate: 8000}", "cameras[0].audio.rate", "16000, 44100, 48000"),
            ("{codec: aac, channels: 6}", "cameras[0].audio.channels", "1 or 2 channels"),
            ("{codec: aac, tone: {}, beep: {}}", "cameras[0].audio.beep", "one signal per track"),
            ("{codec: aac, beep: {duration_ms: 1000}}", "cameras[0].audio.beep.duration_ms", "shorter than its period"),
            ("{codec: aac, rate: 16000, sweep: {to: 9000}}", "cameras[0].audio.sweep.to", "7999"),
            ("{codec: pcma, noise: {seed: -1}}", "cameras[0].audio.noise.seed", "non-negative"),
            ("{codec: pcma, silence: {level_dbfs: -3}}", "cameras[0].audio.silence", "no settings"),
        ]
        for entry in cases {
            let found = problems("cameras:\n  - path: a\n    audio: \(entry.yaml)\n")
            #expect(found.contains { $0.keyPath == entry.keyPath && $0.description.contains(entry.words) },
                    "\(entry.yaml): \(found)")
        }
    }

    @Test func aacRatesChannelsAndSignals() throws {
        let config = try parse("""
            cameras:
              - path: a
                audio: {codec: aac, channels: 2, beep: {}}
              - path: b
                audio: {codec: aac, rate: 16000, sweep: {from: 200, to: 7000, seconds: 2}}
              - path: c
                audio: {codec: pcmu, silence: true}
              - path: d
                audio: {codec: aac, rate: 44100, noise: {seed: 9, level_dbfs: -10}}
            """)
        #expect(config.cameras[0].audio == AudioConfig(codec: .aac, rate: 48_000, channels: 2, signal: AudioConfig.avSyncBeep))
        #expect(config.cameras[1].audio == AudioConfig(
            codec: .aac, rate: 16_000, signal: .sweep(from: 200, to: 7000, seconds: 2, levelDBFS: -20)))
        #expect(config.cameras[2].audio == AudioConfig(codec: .pcmu, signal: .silence))
        #expect(config.cameras[3].audio == AudioConfig(codec: .aac, rate: 44_100, signal: .noise(seed: 9, levelDBFS: -10)))
        let reread = try parse(try config.yaml())
        #expect(reread.cameras.map(\.audio) == config.cameras.map(\.audio))
    }

    @Test func theAudioSurvivesAWriteAndReread() throws {
        let config = try parse("cameras:\n  - path: a\n    audio: {codec: pcma, tone: {freq: 697.5, level_dbfs: -6}}\n")
        let reread = try parse(try config.yaml())
        #expect(reread.cameras[0].audio == config.cameras[0].audio)
    }
}
