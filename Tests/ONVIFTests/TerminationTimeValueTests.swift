@testable import ONVIF
import Testing

@Suite struct TerminationTimeValueTests {
    static let second: Int64 = 1_000_000_000

    @Test func terminationTimesAreAbsoluteOrRelative() {
        let now: Int64 = 1_795_687_200 * Self.second
        #expect(TerminationTimeValue.resolve(" PT60S\n", now: now) == now + 60 * Self.second)
        #expect(TerminationTimeValue.resolve("2026-11-26T10:01:00Z", now: now) == now + 60 * Self.second)
        #expect(TerminationTimeValue.resolve("soon", now: now) == nil)
        #expect(TerminationTimeValue.resolve("P1Y", now: now) == nil)
    }
}
