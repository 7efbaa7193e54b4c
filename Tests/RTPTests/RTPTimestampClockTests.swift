import Testing
@testable import RTP

@Suite("RTPTimestampClock")
struct RTPTimestampClockTests {
    @Test func startsAtBase() {
        #expect(RTPTimestampClock(base: 1000).timestamp(atNanoseconds: 0) == 1000)
    }

    @Test func ninetyKilohertz() {
        let clock = RTPTimestampClock(base: 1000)
        #expect(clock.timestamp(atNanoseconds: 1_000_000_000) == 91_000)
        #expect(clock.timestamp(atNanoseconds: 33_333_333) == 1000 + 2999)  // rounded down
        #expect(clock.timestamp(atNanoseconds: 33_333_334) == 1000 + 3000)
    }

    @Test func noDriftOverLongRuns() {
        let clock = RTPTimestampClock(rate: 90_000, base: 0)
        // 30 fps for one day: frame n at n × 10^9 / 30 ns, computed exactly.
        let frames: Int64 = 30 * 86_400
        let nanoseconds = frames * 1_000_000_000 / 30
        #expect(clock.timestamp(atNanoseconds: nanoseconds) == UInt32(truncatingIfNeeded: frames * 3000))
    }

    @Test func wraps() {
        let clock = RTPTimestampClock(base: 0xFFFF_FFF0)
        #expect(clock.timestamp(atNanoseconds: 1_000_000_000) == 89_984)
    }

    @Test func negativeTimeRoundsDown() {
        let clock = RTPTimestampClock(base: 100)
        #expect(clock.timestamp(atNanoseconds: -1) == 99)
        #expect(clock.timestamp(atNanoseconds: -1_000_000_000) == 100 &- 90_000)
    }

    @Test func extremesDoNotOverflow() {
        // Expected values: floor(t × rate / 10^9) mod 2^32, computed with arbitrary precision.
        #expect(RTPTimestampClock(base: 0).timestamp(atNanoseconds: .max) == 0x873F_FAC1)
        #expect(RTPTimestampClock(rate: .max, base: 0).timestamp(atNanoseconds: .max) == 0xB511_1953)
        #expect(RTPTimestampClock(base: 0).timestamp(atNanoseconds: .min) == 0x78C0_053E)
    }

    @Test func otherRates() {
        #expect(RTPTimestampClock(rate: 8000, base: 0).timestamp(atNanoseconds: 20_000_000) == 160)
        #expect(RTPTimestampClock(rate: 48_000, base: 5).timestamp(atNanoseconds: 1_500_000_000) == 72_005)
    }
}
