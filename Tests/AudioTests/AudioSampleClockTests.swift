import Testing
@testable import Audio

/// Sample indices and media time in exact integer arithmetic.
@Suite struct AudioSampleClockTests {
    @Test func samplesAndNanoseconds() {
        let clock = AudioSampleClock(rate: 8000)
        #expect(clock.nanoseconds(untilSample: 8000) == 1_000_000_000)
        #expect(clock.nanoseconds(untilSample: 1) == 125_000)
        #expect(clock.samplesDue(atNanoseconds: 0) == 0)
        #expect(clock.samplesDue(atNanoseconds: 1) == 1)
        #expect(clock.samplesDue(atNanoseconds: 20_000_000) == 160)
        #expect(clock.samplesDue(atNanoseconds: 20_000_001) == 161)
    }

    @Test func rateThatDoesNotDivideASecond() {
        let clock = AudioSampleClock(rate: 44_100)
        #expect(clock.nanoseconds(untilSample: 44_100) == 1_000_000_000)
        #expect(clock.nanoseconds(untilSample: 1) == 22_675)  // 22 675.7… rounded down
        #expect(clock.samplesDue(atNanoseconds: 22_675) == 1)
        #expect(clock.samplesDue(atNanoseconds: 22_676) == 2)
    }

    /// A year of media time at 48 kHz, and negative times, without overflow or drift.
    @Test func longAndNegativeTimes() {
        let clock = AudioSampleClock(rate: 48_000)
        let year = Int64(365 * 86_400) * 1_000_000_000
        #expect(clock.samplesDue(atNanoseconds: year) == Int64(365 * 86_400) * 48_000)
        #expect(clock.nanoseconds(untilSample: Int64(365 * 86_400) * 48_000) == year)
        #expect(clock.nanoseconds(untilSample: -1) == -20_834)
        #expect(clock.samplesDue(atNanoseconds: -20_834) == -1)
        #expect(clock.samplesDue(atNanoseconds: -20_833) == 0)
    }
}
