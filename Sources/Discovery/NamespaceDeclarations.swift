/// The namespace declarations of a whole message, for resolving the QNames a Probe's
/// `d:Types` holds as text (Namespaces in XML §4: a QName's prefix is bound by an `xmlns:`
/// attribute in scope). Read from the bytes ``XMLGuard`` has passed, by one scan for
/// `xmlns` attributes in start tags: a prefix declared with different namespaces in
/// different elements stands for each of them, a looser reading than scope, which a Probe
/// (a handful of elements) never needs to tell apart.
struct NamespaceDeclarations: Equatable {
    /// Prefix (empty for the default namespace) to the namespaces it is declared with.
    var prefixes: [String: Set<String>] = [:]

    init(scanning bytes: [UInt8]) {
        var index = 0
        var inTag = false
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if !inTag {
                // A start tag opens at `<` followed by a name character (not `/`, `!` or `?`).
                if byte == UInt8(ascii: "<"), index + 1 < bytes.count, Self.isNameStart(bytes[index + 1]) { inTag = true }
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") { inTag = false; index += 1; continue }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte; index += 1; continue }
            // An attribute name starts after white space.
            if Self.isSpace(bytes[index - 1]), bytes[index...].starts(with: Self.xmlns), let parsed = declaration(at: index, in: bytes) {
                prefixes[parsed.prefix, default: []].insert(parsed.namespace)
                index = parsed.end
                continue
            }
            index += 1
        }
    }

    private static let xmlns = Array("xmlns".utf8)

    /// `xmlns="uri"` or `xmlns:p="uri"` at `start`.
    private func declaration(at start: Int, in bytes: [UInt8]) -> (prefix: String, namespace: String, end: Int)? {
        var cursor = start + 5
        var prefix = ""
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") {
            cursor += 1
            let nameStart = cursor
            while cursor < bytes.count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart else { return nil }
            prefix = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
        }
        while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { return nil }
        cursor += 1
        while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[cursor]
        cursor += 1
        let valueStart = cursor
        while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
        guard cursor < bytes.count else { return nil }
        return (prefix, String(decoding: bytes[valueStart..<cursor], as: UTF8.self), cursor + 1)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == UInt8(ascii: "_")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
