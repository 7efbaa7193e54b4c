/// Small lexical helpers shared by the header parsers (RFC 2326 §15, which borrows
/// the HTTP/1.1 token, quoted-string and list rules).
enum HeaderSyntax {
    /// ASCII case-insensitive comparison; header names and most parameter names are
    /// case-insensitive (RFC 2326 §4.2).
    static func equalsIgnoringCase(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        let lhs = a.utf8, rhs = b.utf8
        guard lhs.count == rhs.count else { return false }
        for (x, y) in zip(lhs, rhs) where lowercase(x) != lowercase(y) { return false }
        return true
    }

    static func lowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// RFC 2616 §2.2 token characters: any CHAR except CTLs and separators.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "{"),
             UInt8(ascii: "}"):
            return false
        default:
            return true
        }
    }

    static func isToken(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The value of a hexadecimal digit (either case), or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// `value` in upper-case hexadecimal, zero-padded to at least `digits` digits.
    static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The `;`-separated parts of a header value, each trimmed; empty parts are kept
    /// (quotes are not special: use `split(_:on:)` where they are).
    static func semicolonParts(_ text: some StringProtocol) -> [String] {
        pieces(of: text, at: UInt8(ascii: ";")).map { trim($0) }
    }

    /// Splits at every `separator`, an ASCII byte. The grammars are byte-oriented
    /// (RFC 2326 §15): `String.split` works on grapheme clusters, so a separator
    /// followed by a combining mark would not split there, and text written back would
    /// read differently.
    static func pieces(of text: some StringProtocol, at separator: UInt8, omittingEmpty: Bool = false) -> [Substring] {
        let whole = Substring(text)
        return whole.utf8.split(separator: separator, omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    /// Trims spaces and tabs from both ends.
    static func trim(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        var start = 0, end = bytes.count
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A run of 1...`maxDigits` ASCII digits as an integer, or nil.
    static func parseDigits(_ text: some StringProtocol, maxDigits: Int) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maxDigits else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Splits on `separator` outside double-quoted strings. Pieces are trimmed; a
    /// quote left open is reported by returning nil.
    static func split(_ text: some StringProtocol, on separator: UInt8) -> [String]? {
        var pieces: [String] = []
        var current: [UInt8] = []
        var inQuotes = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                current.append(byte)
            } else if byte == separator, !inQuotes {
                pieces.append(trim(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        guard !inQuotes else { return nil }
        pieces.append(trim(String(decoding: current, as: UTF8.self)))
        return pieces
    }

    /// Splits `name=value` at the first `separator`; the name is trimmed, the value trimmed.
    static func nameValue(_ parameter: String, separator: UInt8 = UInt8(ascii: "=")) -> (name: String, value: String?) {
        guard let index = parameter.utf8.firstIndex(of: separator) else {
            return (trim(parameter), nil)
        }
        let name = parameter[parameter.startIndex..<index]
        let value = parameter[parameter.utf8.index(after: index)...]
        return (trim(name), trim(value))
    }

    /// Removes one pair of surrounding double quotes, if present.
    static func unquote(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "\"") else {
            return bytes.contains(UInt8(ascii: "\"")) ? nil : text
        }
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return nil }
        let inner = bytes[1..<(bytes.count - 1)]
        guard !inner.contains(UInt8(ascii: "\"")) else { return nil }
        return String(decoding: inner, as: UTF8.self)
    }
}
