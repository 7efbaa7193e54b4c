import Testing
@testable import RTSP

@Suite struct ONVIFYesNoHeaderTests {
    /// Header text as clients send it (Rate-Control, Immediate), the value, the canonical form.
    static let cases: [(String, Bool, String)] = [
        ("yes", true, "yes"), ("no", false, "no"), ("No", false, "no"), (" YES ", true, "yes"), ("\tno", false, "no"),
    ]

    @Test(arguments: cases)
    func parsesSerializesAndRoundTrips(text: String, value: Bool, canonical: String) throws {
        let header = try ONVIFYesNoHeader.parse(text)
        #expect(header.value == value)
        #expect(header.serialized == canonical)
        #expect(try ONVIFYesNoHeader.parse(canonical) == header)
    }

    static let garbage: [(String, ONVIFYesNoHeaderError)] = [
        ("", .empty), ("   ", .empty), ("true", .invalidValue("true")), ("y", .invalidValue("y")),
        ("yes no", .invalidValue("yes no")), ("0", .invalidValue("0")),
        (String(repeating: "n", count: 40), .invalidValue(String(repeating: "n", count: 16))),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: ONVIFYesNoHeaderError) {
        #expect(throws: error) { try ONVIFYesNoHeader.parse(text) }
        #expect(ONVIFYesNoHeader(parsing: text) == nil)
        #expect(error.status == .badRequest)
    }
}
