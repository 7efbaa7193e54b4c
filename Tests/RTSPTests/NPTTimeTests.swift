import Testing
@testable import RTSP

@Suite struct NPTTimeTests {
    /// Text, the parsed time (nil: rejected), and the canonical serialization.
    static let cases: [(String, NPTTime?, String?)] = [
        ("now", .now, "now"), ("0", .seconds(0), "0.000"), ("1.5", .seconds(1.5), "1.500"),
        ("5.", .seconds(5), "5.000"), ("123.456", .seconds(123.456), "123.456"),
        ("01:02:03", .seconds(3723), "3723.000"), ("0:00:00.25", .seconds(0.25), "0.250"),
        ("999999999999", .seconds(999_999_999_999), "999999999999.000"),
        ("99999999:00:00", .seconds(359_999_996_400), "359999996400.000"),
        ("999999999:00:00", nil, nil),
        ("Now", .now, "now"), ("", nil, nil), ("no", nil, nil), ("nan", nil, nil), ("inf", nil, nil), ("-1", nil, nil),
        ("+1", nil, nil), ("1e3", nil, nil), (".5", nil, nil), ("1.2.3", nil, nil), ("00:60:00", nil, nil),
        ("00:00:60", nil, nil), ("0:1:2", nil, nil), ("1:2", nil, nil), ("1:02:03:04", nil, nil),
        ("1234567890123", nil, nil), ("0x1", nil, nil), (" 1", nil, nil),
    ]

    @Test(arguments: cases)
    func parsesAndSerializes(text: String, time: NPTTime?, canonical: String?) {
        #expect(NPTTime(parsing: text) == time)
        guard let time, let canonical else { return }
        #expect(time.serialized == canonical)
        #expect(NPTTime(parsing: canonical) == time)
    }

    /// Values built in code that no parse yields still serialize to text that parses.
    @Test(arguments: [Double.nan, .infinity, -.infinity, -5, 1e300, .greatestFiniteMagnitude])
    func outOfRangeValuesSerializeToValidText(value: Double) {
        let text = NPTTime.seconds(value).serialized
        #expect(NPTTime(parsing: text) != nil, "\(text)")
    }

    @Test func ordering() {
        #expect(NPTTime.seconds(1).isBefore(.seconds(2)))
        #expect(!NPTTime.seconds(2).isBefore(.seconds(2)))
        #expect(!NPTTime.now.isBefore(.seconds(2)))
        #expect(!NPTTime.seconds(2).isBefore(.now))
    }
}
