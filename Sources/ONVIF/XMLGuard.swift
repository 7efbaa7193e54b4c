/// The check every request body passes before an XML parser sees it: a single pass over
/// the bytes that refuses what SOAP forbids or what could cost unbounded work, so the
/// parser (libxml2 through Foundation's XMLParser) never meets a DTD, an entity it would
/// expand or fetch, or nesting deeper than ``ONVIFLimits/maxDepth``.
///
/// - A document type declaration is refused: a SOAP message MUST NOT contain one (SOAP 1.2
///   Part 1 §5), and without one no entity can be declared, so none is expanded (the
///   "billion laughs") and none is external (XXE).
/// - Only the five predefined entities and character references are allowed (XML 1.0 §4.1, §4.6).
/// - Size, depth and element count are bounded (``ONVIFLimits``); start and end tags must pair.
/// - UTF-8 only, valid, without the control characters XML 1.0 excludes (§2.2): what the
///   guard reads is what the parser reads.
/// - Tags, attributes, comments, references and namespace prefixes are checked as XML 1.0
///   (§2.3–§4.1) and Namespaces in XML (§5, §6) write them; the only processing instruction
///   is the XML declaration, which the parser is not shown (``content(of:)``). Foundation's
///   XMLParser leaks a little memory on each error libxml2 reports, so the guard refuses
///   what would make libxml2 report one.
public struct XMLGuard: Sendable {
    /// Why a body was refused, for the fault's reason text.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case tooLarge(bytes: Int)
        case documentTypeDeclaration
        case unsupportedEncoding
        case tooDeep
        case tooManyElements
        case unknownEntity
        case malformed(String)

        public var description: String {
            switch self {
            case .tooLarge(let bytes): "the body is \(bytes) bytes; the limit is \(ONVIFLimits.maxBodyBytes)"
            case .documentTypeDeclaration: "a SOAP message must not contain a document type declaration"
            case .unsupportedEncoding: "the body is not UTF-8"
            case .tooDeep: "elements are nested deeper than \(ONVIFLimits.maxDepth)"
            case .tooManyElements: "the body has more than \(ONVIFLimits.maxElements) elements"
            case .unknownEntity: "only the predefined entities and character references are allowed"
            case .malformed(let what): "the body is not well-formed XML: \(what)"
            }
        }
    }

    public var maxBytes = ONVIFLimits.maxBodyBytes
    public var maxDepth = ONVIFLimits.maxDepth
    public var maxElements = ONVIFLimits.maxElements

    public init() {}

    /// What the parser is given of a body the guard passed: after a byte order mark and
    /// the XML declaration, which only restate UTF-8.
    public static func content(of bytes: [UInt8]) -> ArraySlice<UInt8> {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes[start...].starts(with: Array("<?xml".utf8)),
           let end = Scanner.find(Array("?>".utf8), in: bytes, from: start) {
            start = end
        }
        return bytes[start...]
    }

    /// Nil when `bytes` may be handed to the parser.
    public func check(_ bytes: [UInt8]) -> Problem? {
        guard bytes.count <= maxBytes else { return .tooLarge(bytes: bytes.count) }
        guard String(validating: bytes, as: UTF8.self) != nil else { return .unsupportedEncoding }
        var scanner = Scanner(bytes: bytes, guardSettings: self)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        let guardSettings: XMLGuard
        var index = 0
        /// The open elements' names and the namespace prefixes each declares.
        var open: [(name: ArraySlice<UInt8>, prefixes: [ArraySlice<UInt8>])] = []
        var elements = 0
        var rootClosed = false

        init(bytes: [UInt8], guardSettings: XMLGuard) {
            self.bytes = bytes
            self.guardSettings = guardSettings
        }

        mutating func run() -> Problem? {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            if bytes[index...].starts(with: Array("<?xml".utf8)) {
                if let problem = declaration() { return problem }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    if let problem = markup() { return problem }
                } else if byte == UInt8(ascii: "&") {
                    if open.isEmpty { return .malformed("a reference outside the root element") }
                    if let problem = reference() { return problem }
                } else {
                    if byte < 0x20, !Self.isSpace(byte) { return .malformed("a control character") }
                    if open.isEmpty, !Self.isSpace(byte) { return .malformed("text outside the root element") }
                    if byte == UInt8(ascii: "]"), bytes[index...].starts(with: Array("]]>".utf8)) {
                        return .malformed("']]>' in text")
                    }
                    index += 1
                }
            }
            guard open.isEmpty else { return .malformed("an element is not closed") }
            guard rootClosed else { return .malformed("no root element") }
            return nil
        }

        /// `<?xml version="1.0" …?>` at the start: only the characters its pseudo-attributes use.
        private mutating func declaration() -> Problem? {
            guard let end = Self.find(Array("?>".utf8), in: bytes, from: index) else {
                return .malformed("the XML declaration is not closed")
            }
            let inside = bytes[(index + 5)..<(end - 2)]
            let allowed = Array(" \t\r\n=\"'._-".utf8)
            guard inside.allSatisfy({ Self.isNameStart($0) || Self.isDigit($0) || allowed.contains($0) }),
                  inside.first.map(Self.isSpace) == true
            else { return .malformed("the XML declaration has characters it cannot hold") }
            index = end
            return nil
        }

        /// At `<`: a declaration, comment, CDATA section, processing instruction or tag.
        private mutating func markup() -> Problem? {
            let rest = bytes[index...]
            if rest.starts(with: Array("<!--".utf8)) {
                guard let end = Self.find(Array("--".utf8), in: bytes, from: index + 4) else {
                    return .malformed("a comment is not closed")
                }
                // "--" may only end a comment (XML 1.0 §2.5).
                guard end < bytes.count, bytes[end] == UInt8(ascii: ">") else { return .malformed("'--' inside a comment") }
                if let problem = controlCharacters(in: (index + 4)..<(end - 2)) { return problem }
                index = end + 1
                return nil
            }
            if rest.starts(with: Array("<![CDATA[".utf8)) {
                if open.isEmpty { return .malformed("CDATA outside the root element") }
                guard let end = Self.find(Array("]]>".utf8), in: bytes, from: index + 9) else {
                    return .malformed("a CDATA section is not closed")
                }
                if let problem = controlCharacters(in: (index + 9)..<(end - 3)) { return problem }
                index = end
                return nil
            }
            if rest.starts(with: Array("<!".utf8)) {
                // <!DOCTYPE, and <!ENTITY or <!ELEMENT outside one: all DTD syntax.
                return .documentTypeDeclaration
            }
            if rest.starts(with: Array("<?".utf8)) { return .malformed("a processing instruction") }
            if rest.starts(with: Array("</".utf8)) { return endTag() }
            return startTag()
        }

        private func controlCharacters(in range: Range<Int>) -> Problem? {
            bytes[range].contains { $0 < 0x20 && !Self.isSpace($0) } ? .malformed("a control character") : nil
        }

        /// A name (XML 1.0 §2.3) at `cursor`, with at most one colon, not at either end
        /// (Namespaces in XML §3); nil when there is none.
        private func name(at cursor: Int) -> Range<Int>? {
            guard cursor < bytes.count, Self.isNameStart(bytes[cursor]) else { return nil }
            var end = cursor
            while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
            let colons = bytes[cursor..<end].filter { $0 == UInt8(ascii: ":") }.count
            guard colons == 0 || (colons == 1 && bytes[end - 1] != UInt8(ascii: ":")) else { return nil }
            return cursor..<end
        }

        private func prefix(of name: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
            name.firstIndex(of: UInt8(ascii: ":")).map { name[name.startIndex..<$0] }
        }

        private mutating func startTag() -> Problem? {
            if rootClosed { return .malformed("a second root element") }
            guard let nameRange = name(at: index + 1) else { return .malformed("a '<' that starts no tag") }
            let elementName = bytes[nameRange]
            var cursor = nameRange.upperBound
            var attributeNames: [ArraySlice<UInt8>] = []
            var declared: [ArraySlice<UInt8>] = []
            var selfClosing = false
            while true {
                let spaced = cursor < bytes.count && Self.isSpace(bytes[cursor])
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { return .malformed("a tag is not closed") }
                if bytes[cursor] == UInt8(ascii: ">") { cursor += 1; break }
                if bytes[cursor] == UInt8(ascii: "/") {
                    guard cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: ">") else {
                        return .malformed("'/' inside a tag")
                    }
                    selfClosing = true
                    cursor += 2
                    break
                }
                guard spaced, let attributeRange = name(at: cursor) else { return .malformed("an attribute without a name") }
                let attribute = bytes[attributeRange]
                if attributeNames.contains(where: { $0.elementsEqual(attribute) }) { return .malformed("an attribute given twice") }
                attributeNames.append(attribute)
                cursor = attributeRange.upperBound
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { return .malformed("an attribute without a value") }
                cursor += 1
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else {
                    return .malformed("an attribute value without quotes")
                }
                let quote = bytes[cursor]
                cursor += 1
                let valueStart = cursor
                while cursor < bytes.count, bytes[cursor] != quote {
                    let byte = bytes[cursor]
                    if byte == UInt8(ascii: "<") { return .malformed("'<' in an attribute value") }
                    if byte < 0x20, !Self.isSpace(byte) { return .malformed("a control character") }
                    if byte == UInt8(ascii: "&") {
                        index = cursor
                        if let problem = reference() { return problem }
                        cursor = index
                    } else {
                        cursor += 1
                    }
                }
                guard cursor < bytes.count else { return .malformed("an attribute value is not closed") }
                let valueEmpty = cursor == valueStart
                cursor += 1
                // xmlns:p declares p, and must not be empty (Namespaces in XML §3, §5).
                if attribute.starts(with: Array("xmlns:".utf8)) {
                    if valueEmpty { return .malformed("an empty namespace declaration") }
                    declared.append(attribute.dropFirst(6))
                }
                // A namespace name is an absolute URI (RFC 3986 §4.3); libxml2 warns of any other.
                if attribute.elementsEqual(Array("xmlns".utf8)) || attribute.starts(with: Array("xmlns:".utf8)),
                   !valueEmpty, !Self.isAbsoluteURI(bytes[valueStart..<(cursor - 1)]) {
                    return .malformed("a namespace name that is not an absolute URI")
                }
            }
            // Every prefix used must be declared here or above (Namespaces in XML §5).
            let scope = open.flatMap(\.prefixes) + declared
            for used in [elementName] + attributeNames {
                guard let prefix = prefix(of: used), !prefix.elementsEqual(Array("xmlns".utf8)) else { continue }
                if prefix.elementsEqual(Array("xml".utf8)) { continue }
                if !scope.contains(where: { $0.elementsEqual(prefix) }) { return .malformed("an undeclared namespace prefix") }
            }
            elements += 1
            guard elements <= guardSettings.maxElements else { return .tooManyElements }
            index = cursor
            if selfClosing {
                if open.isEmpty { rootClosed = true }
            } else {
                open.append((elementName, declared))
                guard open.count <= guardSettings.maxDepth else { return .tooDeep }
            }
            return nil
        }

        private mutating func endTag() -> Problem? {
            guard let nameRange = name(at: index + 2) else { return .malformed("an end tag without a name") }
            var cursor = nameRange.upperBound
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") else {
                return .malformed("an end tag is not closed")
            }
            guard let last = open.popLast(), last.name.elementsEqual(bytes[nameRange]) else {
                return .malformed("an end tag does not match its start tag")
            }
            if open.isEmpty { rootClosed = true }
            index = cursor + 1
            return nil
        }

        /// At `&`: one of `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;` naming a
        /// character XML 1.0 allows (§4.1, §2.2).
        private mutating func reference() -> Problem? {
            var cursor = index + 1
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ";"),
                  cursor - index <= ONVIFLimits.maxReferenceLength {
                cursor += 1
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") else { return .unknownEntity }
            let body = bytes[(index + 1)..<cursor]
            let named: [[UInt8]] = ["lt", "gt", "amp", "quot", "apos"].map { Array($0.utf8) }
            if !named.contains(where: { body.elementsEqual($0) }) {
                guard body.first == UInt8(ascii: "#") else { return .unknownEntity }
                let digits = body.dropFirst()
                let hex = digits.first == UInt8(ascii: "x")
                let text = String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self)
                guard !text.isEmpty, text.utf8.allSatisfy(hex ? Self.isHexDigit : Self.isDigit),
                      let value = UInt32(text, radix: hex ? 16 : 10), Self.isCharacter(value)
                else { return .malformed("a character reference to no character XML allows") }
            }
            index = cursor + 1
            return nil
        }

        /// Where `needle` ends, searching from `start`; nil when it does not occur.
        static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
            var cursor = start
            while cursor + needle.count <= bytes.count {
                if bytes[cursor..<(cursor + needle.count)].elementsEqual(needle) { return cursor + needle.count }
                cursor += 1
            }
            return nil
        }

        /// `scheme:rest` (RFC 3986 §3) in the characters a URI may hold unescaped, without the
        /// brackets only an IP literal may use: an authority after `//` is a host name with an
        /// optional numeric port, `%` starts two hex digits, and there is at most one `#`.
        static func isAbsoluteURI(_ value: ArraySlice<UInt8>) -> Bool {
            guard let colon = value.firstIndex(of: UInt8(ascii: ":")), colon > value.startIndex,
                  isNameStart(value[value.startIndex]),
                  value[value.startIndex..<colon].allSatisfy({ isNameStart($0) || isDigit($0) || Array("+.-".utf8).contains($0) })
            else { return false }
            let allowed = Array("-._~:/?#@!$'()*+,;=%".utf8)
            guard value.allSatisfy({ isNameStart($0) || isDigit($0) || allowed.contains($0) }),
                  value.filter({ $0 == UInt8(ascii: "#") }).count <= 1
            else { return false }
            for index in value.indices where value[index] == UInt8(ascii: "%") {
                guard index + 2 < value.endIndex, isHexDigit(value[index + 1]), isHexDigit(value[index + 2]) else { return false }
            }
            let rest = value[(colon + 1)...]
            guard rest.starts(with: Array("//".utf8)) else { return true }
            let authority = rest.dropFirst(2).prefix { ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains($0) }
            let parts = authority.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard let host = parts.first, !host.isEmpty, parts.count <= 2,
                  host.allSatisfy({ isNameStart($0) || isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
            else { return false }
            return parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(isDigit))
        }

        /// XML 1.0 §2.2's Char.
        static func isCharacter(_ value: UInt32) -> Bool {
            value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

        static func isHexDigit(_ byte: UInt8) -> Bool {
            isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }

        /// ASCII name start characters; non-ASCII names are refused (ONVIF's are ASCII).
        static func isNameStart(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == UInt8(ascii: "_")
        }

        /// ASCII name characters (XML 1.0 §2.3).
        static func isNameByte(_ byte: UInt8) -> Bool {
            isNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }
}
