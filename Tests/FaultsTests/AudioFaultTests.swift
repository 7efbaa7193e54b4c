import Testing
@testable import Faults

/// `audio_offset` and `audio_drift_ppm`: read from YAML and the URL, merged, and the
/// shift they give an audio track's RTP timestamps.
@Suite struct AudioFaultTests {
    @Test func yamlAndURLSetBothAudioFaults() throws {
        let profile = try FaultProfile.parse(yaml: "audio_offset: 200ms\naudio_drift_ppm: -50\n", file: "t.yaml", line: 1)
        #expect(profile.media.audioOffset == 200 * ms)
        #expect(profile.media.audioDriftPPM == -50)
        let query = try FaultProfile.parse(query: [("audio_offset", "-0.5s"), ("audio-drift-ppm", "120")])
        #expect(query.profile.media.audioOffset == -500 * ms)
        #expect(query.profile.media.audioDriftPPM == 120)
        // A bare number is milliseconds, as for the other millisecond faults.
        #expect(try FaultProfile.parse(query: [("audio_offset", "200")]).profile.media.audioOffset == 200 * ms)
        #expect(!query.profile.media.isEmpty)
    }

    @Test func badValuesAreRefusedWithTheirKey() {
        for (name, value) in [("audio_offset", "soon"), ("audio_offset", "61s"), ("audio_drift_ppm", "200000"), ("audio_drift_ppm", "fast")] {
            do {
                _ = try FaultProfile.parse(query: [(name, value)])
                Issue.record("\(name)=\(value) was accepted")
            } catch {
                #expect(error.description.contains(name), "\(error)")
            }
        }
    }

    @Test func laterProfilesOverrideEachAudioFault() {
        let base = MediaFaultProfile(audioOffset: 100 * ms, audioDriftPPM: 10)
        let merged = base.merged(with: MediaFaultProfile(audioOffset: -40 * ms))
        #expect(merged.audioOffset == -40 * ms)
        #expect(merged.audioDriftPPM == 10)
    }

    @Test func theShiftIsTheOffsetPlusTheDriftInClockTicks() {
        let offset = MediaFaultModel(profile: MediaFaultProfile(audioOffset: 200 * ms), seed: 1)
        // 200 ms at 8 kHz is 1600 ticks, whatever the time.
        #expect(offset.audioTimestampShift(at: 0, clockRate: 8000) == 1600)
        #expect(offset.audioTimestampShift(at: 3600 * sec, clockRate: 8000) == 1600)
        let drift = MediaFaultModel(profile: MediaFaultProfile(audioDriftPPM: 1000), seed: 1)
        // 1000 ppm over 10 s is 10 ms: 80 ticks at 8 kHz, 480 at 48 kHz.
        #expect(drift.audioTimestampShift(at: 0, clockRate: 8000) == 0)
        #expect(drift.audioTimestampShift(at: 10 * sec, clockRate: 8000) == 80)
        #expect(drift.audioTimestampShift(at: 10 * sec, clockRate: 48000) == 480)
        let slow = MediaFaultModel(profile: MediaFaultProfile(audioOffset: -100 * ms, audioDriftPPM: -1000), seed: 1)
        #expect(slow.audioTimestampShift(at: 10 * sec, clockRate: 8000) == -880)
        #expect(MediaFaultModel(profile: MediaFaultProfile(), seed: 1).audioTimestampShift(at: 10 * sec, clockRate: 8000) == 0)
    }
}
