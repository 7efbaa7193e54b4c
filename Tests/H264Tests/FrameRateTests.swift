import Testing
@testable import H264

@Suite struct FrameRateTests {
    @Test func ntscRatesBecomeExactFractions() {
        #expect(FrameRate(29.97) == FrameRate(numerator: 30000, denominator: 1001))
        #expect(FrameRate(30) == FrameRate(numerator: 30))
        #expect(FrameRate(12.5) == FrameRate(numerator: 25, denominator: 2))
    }

    @Test func frameTimesDoNotDrift() {
        let rate = FrameRate(numerator: 30000, denominator: 1001)
        #expect(rate.nanoseconds(untilFrame: 30000) == 1_001_000_000_000)
        #expect(rate.frameIndex(atNanoseconds: 1_001_000_000_000) == 30000)
        #expect(rate.frameIndex(atNanoseconds: 1_000_999_999_999) == 29999)
    }
}
