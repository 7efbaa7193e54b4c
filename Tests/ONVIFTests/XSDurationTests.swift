import FuzzSeedSupport
import ONVIF
import Testing

@Suite struct XSDurationTests {
    static let second: Int64 = 1_000_000_000

    /// Text, and nanoseconds (nil: refused).
    static let cases: [(String, Int64?)] = [
        ("PT10S", 10 * second),
        ("PT0S", 0),
        ("PT1M30.5S", 90 * second + second / 2),
        ("P1DT2H", (24 + 2) * 3600 * second),
        ("PT0.000000001S", 1),
        ("PT1.1234567891S", second + 123_456_789),
        ("P2D", 2 * 86_400 * second),
        ("PT10M", 600 * second),
        ("", nil), ("P", nil), ("PT", nil), ("T10S", nil), ("PT10", nil), ("PTS", nil), ("-PT10S", nil),
        ("P1Y", nil), ("P1M", nil), ("PT10S5M", nil), ("PT1.5M", nil), ("PT10S10S", nil), ("P1DT", nil),
        ("PT1.S", nil), ("PT 10S", nil), ("P36600D", nil), ("PT999999999999H", nil), ("PT1234567890123S", nil),
        (String(repeating: "9", count: 50), nil),
    ]

    @Test(arguments: cases) func parses(_ text: String, _ expected: Int64?) {
        #expect(XSDuration.parse(text) == expected, "\(text)")
    }

    @Test func formatsWholeSecondsAndReadsThemBack() {
        #expect(XSDuration.format(60 * Self.second) == "PT60S")
        #expect(XSDuration.format(Self.second * 3 / 2) == "PT1S")
        #expect(XSDuration.format(-5) == "PT0S")
        for seconds: Int64 in [0, 1, 59, 3600, 86_400 * 3] {
            #expect(XSDuration.parse(XSDuration.format(seconds * Self.second)) == seconds * Self.second)
        }
    }

    @Test func fuzzSeeds() throws {
        try FuzzSeeds.check("xs-duration", texts: Self.cases.map(\.0))
    }
}
