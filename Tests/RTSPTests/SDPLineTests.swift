import Testing
@testable import RTSP

@Suite struct SDPLineTests {
    @Test func splitsCRLFAndLF() throws {
        let lines = try SDPLine.parseLines("v=0\r\ns=x y\na=control:*\r\n\r\n")
        #expect(lines == [SDPLine(type: "v", value: "0"), SDPLine(type: "s", value: "x y"),
                          SDPLine(type: "a", value: "control:*")])
        #expect(lines.map(\.serialized) == ["v=0", "s=x y", "a=control:*"])
    }

    static let garbage: [(String, SDPParseError)] = [
        ("v=0\r\nbad\r\n", .malformedLine(number: 2, excerpt: "bad")),
        ("V=0\r\n", .malformedLine(number: 1, excerpt: "V=0")),
        ("vv=0\r\n", .malformedLine(number: 1, excerpt: "vv=0")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: SDPParseError) {
        #expect(throws: error) { try SDPLine.parseLines(text) }
    }

    @Test func limits() {
        let many = String(repeating: "a=x\r\n", count: SDPLine.maximumLineCount + 1)
        #expect(throws: SDPParseError.tooManyLines(count: 513, limit: 512)) { try SDPLine.parseLines(many) }
        let long = "v=0\r\ni=" + String(repeating: "x", count: SDPLine.maximumLineLength - 1) + "\r\n"
        #expect(throws: SDPParseError.lineTooLong(number: 2, length: 16385, limit: 16384)) { try SDPLine.parseLines(long) }
        let text = "v=0\r\n" + String(repeating: "i=" + String(repeating: "x", count: 100) + "\r\n", count: 700)
        #expect(throws: SDPParseError.tooLong(length: text.utf8.count, limit: 65536)) { try SDPLine.parseLines(text) }
    }

    @Test func skipsPaddingLines() throws {
        #expect(try SDPLine.parseLines("v=0\r\n  \r\n\t\ns=x\r\n \r\n").map(\.serialized) == ["v=0", "s=x"])
    }
}
