/// A camera path pattern such as `lobby-{n:02}`, expanded once per template camera.
///
/// | placeholder | value for the k-th camera (k = 0, 1, …) |
/// |-------------|-----------------------------------------|
/// | `{n}`       | k + 1 (1-based)                         |
/// | `{i}`       | k (0-based)                             |
/// | `{n:02}`    | k + 1, zero-padded to at least 2 digits |
/// | `{i:03}`    | k, zero-padded to at least 3 digits     |
///
/// Any other text between braces is an error.
struct TemplateName: Equatable {
    enum Part: Equatable {
        case literal(String)
        /// `oneBased` is true for `{n}`; `width` is the zero-padded minimum width.
        case number(oneBased: Bool, width: Int)
    }

    let parts: [Part]

    init(parts: [Part]) {
        self.parts = parts
    }

    /// Whether the pattern contains `{n}` or `{i}`, so every expansion differs.
    var hasPlaceholder: Bool {
        parts.contains { if case .number = $0 { true } else { false } }
    }

    enum ParseError: Error, Equatable {
        case unclosedBrace
        case unknownPlaceholder(String)
    }

    /// Parses a pattern; throws for an unclosed `{` or an unknown placeholder.
    init(pattern: String) throws(ParseError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosedBrace }
            let body = String(rest[rest.index(after: open)..<close])
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(try TemplateName.placeholder(body))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    private static func placeholder(_ body: String) throws(ParseError) -> Part {
        let pieces = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let oneBased: Bool
        switch pieces[0] {
        case "n": oneBased = true
        case "i": oneBased = false
        default: throw .unknownPlaceholder(body)
        }
        var width = 1
        if pieces.count == 2 {
            guard let parsed = Int(pieces[1]), parsed >= 1, parsed <= 9 else { throw .unknownPlaceholder(body) }
            width = parsed
        }
        return .number(oneBased: oneBased, width: width)
    }

    /// The name of the camera at 0-based position `index`.
    func expand(index: Int) -> String {
        parts.map { part in
            switch part {
            case .literal(let text):
                return text
            case .number(let oneBased, let width):
                let digits = String(oneBased ? index + 1 : index)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }.joined()
    }
}
