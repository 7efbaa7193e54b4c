import Testing
@testable import RTSP

@Suite struct CSeqTests {
    static let values: [(String, Int?)] = [
        ("1", 1), (" 42 ", 42), ("0", 0), ("999999999", 999_999_999), ("", nil), ("abc", nil),
        ("1a", nil), ("-1", nil), ("1234567890", nil), ("1 2", nil),
    ]

    @Test(arguments: values)
    func parse(text: String, expected: Int?) {
        #expect((try? CSeq.parse(text)) == expected)
    }

    @Test func missingGarbledAndConflictingAreTold() throws {
        #expect(throws: CSeqError.missing) { try CSeq.read(from: [:]) }
        #expect(throws: CSeqError.invalid(value: "x")) { try CSeq.read(from: ["CSeq": "x"]) }
        #expect(throws: CSeqError.conflicting(values: ["1", "2"])) {
            try CSeq.read(from: ["CSeq": "1", "cseq": "2"])
        }
        #expect(try CSeq.read(from: ["cseq": "7", "CSeq": "7"]) == 7)
    }

    @Test func headersAccessor() {
        var headers: RTSPHeaders = ["CSeq": "5"]
        #expect(headers.cSeq == 5)
        headers.cSeq = 6
        #expect(headers["CSeq"] == "6")
        headers["CSeq"] = "junk"
        #expect(headers.cSeq == nil)
        headers.cSeq = nil
        #expect(!headers.contains("CSeq"))
    }
}
