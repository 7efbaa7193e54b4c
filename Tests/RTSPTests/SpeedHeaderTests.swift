import Testing
@testable import RTSP

@Suite struct SpeedHeaderTests {
    /// Header text, lower and upper bound, canonical form.
    static let cases: [(String, Double, Double, String)] = [
        ("1", 1, 1, "1"), ("2.5", 2.5, 2.5, "2.5"), ("1.0-2.5", 1, 2.5, "1-2.5"), (" 0.5 ", 0.5, 0.5, "0.5"),
        ("1 - 2", 1, 2, "1-2"), ("3.", 3, 3, "3"), ("0.000001", 0.000_001, 0.000_001, "0.000001"), ("2-2", 2, 2, "2"),
    ]

    @Test(arguments: cases)
    func parsesSerializesAndRoundTrips(text: String, lower: Double, upper: Double, canonical: String) throws {
        let header = try SpeedHeader.parse(text)
        #expect(header.lowerBound == lower && header.upperBound == upper)
        #expect(header.serialized == canonical)
        #expect(try SpeedHeader.parse(canonical) == header)
    }

    static let garbage: [(String, SpeedHeaderError)] = [
        ("", .empty), (" ", .empty), ("0", .invalidValue("0")), ("-1", .invalidValue("-1")), ("fast", .invalidValue("fast")),
        ("2-1", .invalidValue("2-1")), ("1-2-3", .invalidValue("1-2-3")), (".5", .invalidValue(".5")),
        ("1234567", .invalidValue("1234567")), ("1.1234567", .invalidValue("1.1234567")), ("1-", .invalidValue("1-")),
        ("1e2", .invalidValue("1e2")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: SpeedHeaderError) {
        #expect(throws: error) { try SpeedHeader.parse(text) }
        #expect(SpeedHeader(parsing: text) == nil)
        #expect(error.status == .badRequest)
    }

    @Test func normalIsOne() {
        #expect(SpeedHeader.normal.serialized == "1")
    }
}
