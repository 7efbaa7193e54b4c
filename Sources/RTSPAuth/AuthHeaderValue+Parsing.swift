extension AuthHeaderValue {
    /// The challenges of one `WWW-Authenticate` value (RFC 7235 §4.1):
    /// `challenge *( OWS "," OWS challenge )`, where a new challenge starts at a token
    /// not followed by `=`.
    public static func parseChallenges(_ text: String) throws(AuthHeaderError) -> [AuthHeaderValue] {
        var reader = Reader(Array(text.utf8))
        return try reader.readList()
    }

    /// The credentials of an `Authorization` value (RFC 7235 §4.2): exactly one scheme
    /// with its token68 or parameters.
    public static func parseCredentials(_ text: String) throws(AuthHeaderError) -> AuthHeaderValue {
        var reader = Reader(Array(text.utf8))
        let values = try reader.readList()
        guard values.count == 1, let value = values.first else { throw .tooManyChallenges(limit: 1) }
        return value
    }

    /// A cursor over the bytes of one header value.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { atEnd ? nil : bytes[index] }

        mutating func readList() throws(AuthHeaderError) -> [AuthHeaderValue] {
            guard bytes.count <= AuthHeaderValue.maximumLength else {
                throw .tooLong(length: bytes.count, limit: AuthHeaderValue.maximumLength)
            }
            var values: [AuthHeaderValue] = []
            skipWhitespaceAndCommas()
            guard !atEnd else { throw .empty }
            while !atEnd {
                guard values.count < AuthHeaderValue.maximumChallenges else {
                    throw .tooManyChallenges(limit: AuthHeaderValue.maximumChallenges)
                }
                values.append(try readOne())
                skipWhitespaceAndCommas()
            }
            return values
        }

        /// `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`.
        private mutating func readOne() throws(AuthHeaderError) -> AuthHeaderValue {
            guard let scheme = readToken() else { throw .expectedToken(offset: index) }
            var value = AuthHeaderValue(scheme: scheme)
            let spaced = skipWhitespace()
            if atEnd || current == UInt8(ascii: ",") { return value }
            guard spaced else { throw .expectedComma(offset: index) }
            if let token68 = readToken68() {
                value.token68 = token68
                return value
            }
            while !atEnd {
                let start = index
                guard let name = readToken() else { throw .expectedToken(offset: index) }
                skipWhitespace()
                guard current == UInt8(ascii: "=") else {
                    // A token without `=` after a parameter list begins the next challenge.
                    guard !value.parameters.isEmpty else { throw .expectedValue(name: name) }
                    index = start
                    return value
                }
                index += 1
                skipWhitespace()
                let parameter = try readValue(name: name)
                guard value[name] == nil else { throw .duplicateParameter(name) }
                guard value.parameters.count < AuthHeaderValue.maximumParameters else {
                    throw .tooManyParameters(limit: AuthHeaderValue.maximumParameters)
                }
                value.parameters.append(parameter)
                skipWhitespace()
                if atEnd { break }
                guard current == UInt8(ascii: ",") else { throw .expectedComma(offset: index) }
                skipWhitespaceAndCommas()
            }
            return value
        }

        /// `token / quoted-string`. Unquoted values are read leniently up to a comma or
        /// whitespace (some clients send `uri=/path` unquoted); they are written back the same.
        private mutating func readValue(name: String) throws(AuthHeaderError) -> Parameter {
            if current == UInt8(ascii: "\"") {
                index += 1
                var text: [UInt8] = []
                while let byte = current {
                    index += 1
                    if byte == UInt8(ascii: "\"") {
                        return Parameter(name, String(decoding: text, as: UTF8.self), quoted: true)
                    }
                    if byte == UInt8(ascii: "\\") {
                        guard let escaped = current else { break }
                        index += 1
                        text.append(escaped)
                    } else {
                        text.append(byte)
                    }
                }
                throw .unterminatedQuotedString(name: name)
            }
            // A bare value may not start with `=`: `name==` reads as token68 when written back.
            guard current != UInt8(ascii: "=") else { throw .expectedValue(name: name) }
            let start = index
            while let byte = current, Self.isBareValueByte(byte) { index += 1 }
            guard index > start else { throw .expectedValue(name: name) }
            return Parameter(name, String(decoding: bytes[start..<index], as: UTF8.self), quoted: false)
        }

        private static func isBareValueByte(_ byte: UInt8) -> Bool {
            byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "\"")
                && byte != UInt8(ascii: "\\")
        }

        /// `token68` when what follows the scheme is one: its characters, `=` padding,
        /// then the end or a comma. Otherwise nothing is consumed.
        private mutating func readToken68() -> String? {
            let start = index
            while let byte = current, AuthSyntax.isToken68Byte(byte) { index += 1 }
            guard index > start else { return nil }
            while current == UInt8(ascii: "=") { index += 1 }
            let end = index
            skipWhitespace()
            guard atEnd || current == UInt8(ascii: ",") else {
                index = start
                return nil
            }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        private mutating func readToken() -> String? {
            let start = index
            while let byte = current, AuthSyntax.isTokenByte(byte) { index += 1 }
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        @discardableResult
        private mutating func skipWhitespace() -> Bool {
            let start = index
            while let byte = current, AuthSyntax.isWhitespace(byte) { index += 1 }
            return index > start
        }

        private mutating func skipWhitespaceAndCommas() {
            while let byte = current, AuthSyntax.isWhitespace(byte) || byte == UInt8(ascii: ",") { index += 1 }
        }
    }
}
