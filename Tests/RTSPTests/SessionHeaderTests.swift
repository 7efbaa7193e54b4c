import Testing
@testable import RTSP

@Suite struct SessionHeaderTests {
    static let cases: [(String, SessionHeader, String)] = [
        ("ABCdef0123456789", SessionHeader(id: "ABCdef0123456789"), "ABCdef0123456789"),
        ("abc;timeout=60", SessionHeader(id: "abc", timeout: 60), "abc;timeout=60"),
        ("abc ; timeout = 30", SessionHeader(id: "abc", timeout: 30), "abc;timeout=30"),
        ("a$-_.+b;Timeout=5;x=y", SessionHeader(id: "a$-_.+b", timeout: 5), "a$-_.+b;timeout=5"),
    ]

    @Test(arguments: cases)
    func parsesAndSerializes(text: String, header: SessionHeader, canonical: String) throws {
        #expect(try SessionHeader.parse(text) == header)
        #expect(header.serialized == canonical)
        #expect(try SessionHeader.parse(canonical) == header)
    }

    static let garbage: [(String, SessionHeaderError)] = [
        ("", .emptyID), (";timeout=60", .emptyID), ("ab/cd", .invalidID("ab/cd")), ("a b", .invalidID("a b")),
        ("abc;timeout=sixty", .invalidTimeout(value: "sixty")), ("abc;timeout", .invalidTimeout(value: "")),
        (String(repeating: "a", count: 129), .idTooLong(length: 129, limit: 128)),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: SessionHeaderError) {
        #expect(throws: error) { try SessionHeader.parse(text) }
        #expect(SessionHeader(parsing: text) == nil)
    }
}
