import Testing
@testable import RTSP

@Suite("UTC time as Unix time")
struct UTCTimeUnixTimeTests {
    /// (text, nanoseconds since the Unix epoch): one table for both directions.
    static let cases: [(String, Int64)] = [
        ("19700101T000000Z", 0),
        ("20261125T101500Z", 1_795_601_700_000_000_000),
        ("20261125T000000.066Z", 1_795_564_800_066_000_000),
        ("20000229T235959.999Z", 951_868_799_999_000_000),
        ("19691231T235959.500Z", -500_000_000),
    ]

    @Test(arguments: cases)
    func convertsBothWays(text: String, nanoseconds: Int64) throws {
        let time = try #require(UTCTime(parsing: text))
        #expect(time.unixNanoseconds == nanoseconds)
        let digits = text.contains(".") ? 3 : 0
        #expect(UTCTime(unixNanoseconds: nanoseconds, fractionDigits: digits)?.serialized == text)
    }

    @Test func nineFractionDigitsAreNanoseconds() throws {
        #expect(UTCTime(parsing: "19700101T000001.123456789Z")?.unixNanoseconds == 1_123_456_789)
    }
}
