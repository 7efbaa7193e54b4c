import Testing
@testable import RTSP

@Suite struct FramesHeaderTests {
    /// Header text, the value, the canonical form.
    static let cases: [(String, FramesHeader, String)] = [
        ("all", .all, "all"), ("predicted", .predicted, "predicted"), ("intra", .intra(minimumIntervalMilliseconds: nil), "intra"),
        ("intra/4000", .intra(minimumIntervalMilliseconds: 4000), "intra/4000"), (" Intra/0 ", .intra(minimumIntervalMilliseconds: 0), "intra/0"),
        ("ALL", .all, "all"), ("intra/007", .intra(minimumIntervalMilliseconds: 7), "intra/7"),
    ]

    @Test(arguments: cases)
    func parsesSerializesAndRoundTrips(text: String, value: FramesHeader, canonical: String) throws {
        let header = try FramesHeader.parse(text)
        #expect(header == value)
        #expect(header.serialized == canonical)
        #expect(try FramesHeader.parse(canonical) == header)
    }

    static let garbage: [(String, FramesHeaderError)] = [
        ("", .empty), ("  ", .empty), ("some", .invalidValue("some")), ("intra/", .invalidValue("intra/")),
        ("intra/-1", .invalidValue("intra/-1")), ("intra/1.5", .invalidValue("intra/1.5")),
        ("intra/1234567890", .invalidValue("intra/1234567890")), ("all/10", .invalidValue("all/10")),
        ("predicted/1", .invalidValue("predicted/1")), ("intra/10/20", .invalidValue("intra/10/20")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: FramesHeaderError) {
        #expect(throws: error) { try FramesHeader.parse(text) }
        #expect(FramesHeader(parsing: text) == nil)
        #expect(error.status == .badRequest)
    }
}
