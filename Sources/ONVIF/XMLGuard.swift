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
/// - UTF-8 only (a BOM of UTF-16 or UTF-32 is refused): what the guard reads is what the parser reads.
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

    /// Nil when `bytes` may be handed to the parser.
    public func check(_ bytes: [UInt8]) -> Problem? {
        guard bytes.count <= maxBytes else { return .tooLarge(bytes: bytes.count) }
        var scanner = Scanner(bytes: bytes, guardSettings: self)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        let guardSettings: XMLGuard
        var index = 0
        var open: [ArraySlice<UInt8>] = []
        var elements = 0
        var rootClosed = false

        init(bytes: [UInt8], guardSettings: XMLGuard) {
            self.bytes = bytes
            self.guardSettings = guardSettings
        }

        mutating func run() -> Problem? {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0, 0]) {
                return .unsupportedEncoding
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    if let problem = markup() { return problem }
                } else if byte == UInt8(ascii: "&") {
                    if open.isEmpty { return .malformed("a reference outside the root element") }
                    if let problem = reference() { return problem }
                } else {
                    if byte == 0 { return .unsupportedEncoding }
                    if open.isEmpty, !Self.isSpace(byte) { return .malformed("text outside the root element") }
                    index += 1
                }
            }
            guard open.isEmpty else { return .malformed("an element is not closed") }
            guard rootClosed else { return .malformed("no root element") }
            return nil
        }

        /// At `<`: a declaration, comment, CDATA section, processing instruction or tag.
        private mutating func markup() -> Problem? {
            let rest = bytes[index...]
            if rest.starts(with: Array("<!--".utf8)) {
                return skip(past: Array("-->".utf8), what: "a comment")
            }
            if rest.starts(with: Array("<![CDATA[".utf8)) {
                if open.isEmpty { return .malformed("CDATA outside the root element") }
                return skip(past: Array("]]>".utf8), what: "a CDATA section")
            }
            if rest.starts(with: Array("<!".utf8)) {
                // <!DOCTYPE, and <!ENTITY or <!ELEMENT outside one: all DTD syntax.
                return .documentTypeDeclaration
            }
            if rest.starts(with: Array("<?".utf8)) {
                return skip(past: Array("?>".utf8), what: "a processing instruction")
            }
            if rest.starts(with: Array("</".utf8)) { return endTag() }
            return startTag()
        }

        private mutating func skip(past terminator: [UInt8], what: String) -> Problem? {
            var cursor = index + 2
            while cursor + terminator.count <= bytes.count {
                if bytes[cursor..<(cursor + terminator.count)].elementsEqual(terminator) {
                    index = cursor + terminator.count
                    return nil
                }
                cursor += 1
            }
            return .malformed("\(what) is not closed")
        }

        private mutating func startTag() -> Problem? {
            if rootClosed { return .malformed("a second root element") }
            let nameStart = index + 1
            var cursor = nameStart
            while cursor < bytes.count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart else { return .malformed("a '<' that starts no tag") }
            let name = bytes[nameStart..<cursor]
            // Attributes: quoted values may hold '>' and references, never '<'.
            var quote: UInt8?
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if let open = quote {
                    if byte == open {
                        quote = nil
                    } else if byte == UInt8(ascii: "<") {
                        return .malformed("'<' in an attribute value")
                    } else if byte == UInt8(ascii: "&") {
                        index = cursor
                        if let problem = reference() { return problem }
                        cursor = index
                        continue
                    }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "<") {
                    return .malformed("'<' inside a tag")
                }
                cursor += 1
            }
            guard cursor < bytes.count else { return .malformed("a tag is not closed") }
            elements += 1
            guard elements <= guardSettings.maxElements else { return .tooManyElements }
            let selfClosing = bytes[cursor - 1] == UInt8(ascii: "/")
            index = cursor + 1
            if selfClosing {
                if open.isEmpty { rootClosed = true }
            } else {
                open.append(name)
                guard open.count <= guardSettings.maxDepth else { return .tooDeep }
            }
            return nil
        }

        private mutating func endTag() -> Problem? {
            let nameStart = index + 2
            var cursor = nameStart
            while cursor < bytes.count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            let name = bytes[nameStart..<cursor]
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") else {
                return .malformed("an end tag is not closed")
            }
            guard let last = open.popLast(), last.elementsEqual(name) else {
                return .malformed("an end tag does not match its start tag")
            }
            if open.isEmpty { rootClosed = true }
            index = cursor + 1
            return nil
        }

        /// At `&`: one of `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;` (XML 1.0 §4.1).
        private mutating func reference() -> Problem? {
            var cursor = index + 1
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ";"),
                  cursor - index <= ONVIFLimits.maxReferenceLength {
                cursor += 1
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") else { return .unknownEntity }
            let body = bytes[(index + 1)..<cursor]
            let named: [[UInt8]] = ["lt", "gt", "amp", "quot", "apos"].map { Array($0.utf8) }
            let isNamed = named.contains { body.elementsEqual($0) }
            let isCharacter = body.first == UInt8(ascii: "#") && body.count >= 2
                && (body.dropFirst().allSatisfy(Self.isDigit)
                    || (body.dropFirst().first == UInt8(ascii: "x") && body.count >= 3
                        && body.dropFirst(2).allSatisfy(Self.isHexDigit)))
            guard isNamed || isCharacter else { return .unknownEntity }
            index = cursor + 1
            return nil
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

        static func isHexDigit(_ byte: UInt8) -> Bool {
            isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }

        /// Name characters (XML 1.0 §2.3), ASCII ones exactly and every byte of a multi-byte
        /// UTF-8 character; the parser checks the rest.
        static func isNameByte(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || isDigit(byte)
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte >= 0x80
        }
    }
}
