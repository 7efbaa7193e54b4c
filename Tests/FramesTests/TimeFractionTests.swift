import Testing
@testable import Frames

@Suite("Fractions of a second in time formats")
struct TimeFractionTests {
    /// 01:02:03.045678912 on 2026-01-01.
    static let nanos = startNanos + 3_723_045_678_912

    @Test(arguments: [
        ("%f", "045"), ("%3f", "045"), ("%6f", "045678"), ("%9f", "045678912"), ("%1f", "0"),
        ("%S.%6fZ", "03.045678Z"), ("%Y-%m-%dT%H:%M:%S.%fZ", "2026-01-01T01:02:03.045Z"),
    ])
    func digitsAreTruncated(format: String, expected: String) throws {
        var out = ""
        try TimeFormat(format).format(CivilTime(unixNanos: Self.nanos), into: &out)
        #expect(out == expected)
    }

    /// Before the epoch the fraction still counts up from the second before.
    @Test func beforeTheEpoch() throws {
        var out = ""
        try TimeFormat("%S.%9f").format(CivilTime(unixNanos: -1), into: &out)
        #expect(out == "59.999999999")
    }

    @Test(arguments: ["%0f", "%6", "%6x", "%12f"])
    func badDigitCountsAreRejected(format: String) {
        #expect(throws: TemplateError.self) { try TimeFormat(format) }
    }
}
