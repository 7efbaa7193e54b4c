import Testing
@testable import RTSP

@Suite struct ScaleHeaderTests {
    /// Header text as clients send it, the value, and the canonical serialization.
    static let cases: [(String, Double, String)] = [
        ("1", 1, "1"), ("2", 2, "2"), ("1.0", 1, "1"), ("0.5", 0.5, "0.5"), ("-1", -1, "-1"),
        ("-0.25", -0.25, "-0.25"), (" 1.25 ", 1.25, "1.25"), ("4.", 4, "4"), ("0", 0, "0"),
        ("0.000001", 0.000_001, "0.000001"), ("123456789.123456", 123_456_789.123_456, "123456789.123456"),
        ("007", 7, "7"),
    ]

    @Test(arguments: cases)
    func parsesSerializesAndRoundTrips(text: String, value: Double, canonical: String) throws {
        let header = try ScaleHeader.parse(text)
        #expect(header.value == value)
        #expect(header.serialized == canonical)
        #expect(try ScaleHeader.parse(canonical) == header)
        #expect(ScaleHeader(value) == header)
    }

    static let garbage: [(String, ScaleHeaderError)] = [
        ("", .empty), ("  ", .empty), ("fast", .invalidValue("fast")), ("nan", .invalidValue("nan")),
        ("inf", .invalidValue("inf")), ("+1", .invalidValue("+1")), ("1e3", .invalidValue("1e3")),
        (".5", .invalidValue(".5")), ("-", .invalidValue("-")), ("--1", .invalidValue("--1")),
        ("1.2.3", .invalidValue("1.2.3")), ("1,5", .invalidValue("1,5")),
        ("1234567890", .invalidValue("1234567890")), ("1.1234567", .invalidValue("1.1234567")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: ScaleHeaderError) {
        #expect(throws: error) { try ScaleHeader.parse(text) }
        #expect(ScaleHeader(parsing: text) == nil)
        #expect(error.status == .badRequest)
    }

    @Test func liveAnswerAndValuesFromCode() {
        #expect(ScaleHeader.normal.serialized == "1")
        #expect(ScaleHeader(.nan) == nil)
        #expect(ScaleHeader(.infinity) == nil)
        #expect(ScaleHeader(1e9) == nil)
        #expect(ScaleHeader(1.0000004)?.serialized == "1")
    }
}
