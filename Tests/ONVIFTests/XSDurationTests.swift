@testable import ONVIF
import Testing

@Suite struct XSDurationTests {
    static let second: Int64 = 1_000_000_000

    @Test(arguments: [
        ("PT10S", 10 * second), ("PT1M30.5S", 90 * second + second / 2), ("P1DT0S", 86_400 * second),
        ("PT2H", 7200 * second), ("PT0S", 0), (" PT60S\n", 60 * second),
    ])
    func durationsParse(text: String, nanoseconds: Int64) {
        #expect(XSDuration.parse(text) == nanoseconds)
    }

    @Test(arguments: ["", "P", "PT", "10S", "PT10", "P1Y", "P1M", "-PT10S", "PT10S5M", "P2D", "PT1.2.3S", "PTS", "P1DT"])
    func nonDurationsAndTooLongAreRefused(text: String) {
        #expect(XSDuration.parse(text) == nil)
    }

    @Test func terminationTimesAreAbsoluteOrRelative() {
        let now: Int64 = 1_795_687_200 * Self.second
        #expect(TerminationTimeValue.resolve("PT60S", now: now) == now + 60 * Self.second)
        #expect(TerminationTimeValue.resolve("2026-11-26T10:01:00Z", now: now) == now + 60 * Self.second)
        #expect(TerminationTimeValue.resolve("soon", now: now) == nil)
    }

    @Test func formatsRoundTrip() {
        for value in [0, 1500 * Self.second / 1000, 60 * Self.second] {
            #expect(XSDuration.parse(XSDuration.format(value)) == value)
        }
        #expect(XSDateTime.formatMilliseconds(1_795_687_200 * Self.second + 7_000_000) == "2026-11-26T10:00:00.007Z")
    }
}
