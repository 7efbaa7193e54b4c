/// A subscription's `wsnt:TopicExpression` (WS-BaseNotification §4.2, `Filter`; WS-Topics
/// §7 dialects; ONVIF Core, "Topic filter": the ConcreteSet dialect): which topics it lets
/// through. Prefixes are not resolved: the expression's topic names are compared by their
/// local parts, as every topic camsim raises is in the one ONVIF topic namespace.
public struct TopicFilter: Sendable, Equatable {
    /// The expression dialects understood.
    public enum Dialect: String, Sendable, CaseIterable {
        /// One root topic (WS-Topics §7.1).
        case simple = "http://docs.oasis-open.org/wsn/t-1/TopicExpression/Simple"
        /// One topic path, `tns1:A/B`, or a subtree with `//.` (WS-Topics §7.2).
        case concrete = "http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete"
        /// Concrete paths joined by `|` (ONVIF Core, "Topic filter").
        case concreteSet = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"
    }

    /// One alternative: topic path parts, and whether its subtree matches too.
    struct Path: Sendable, Equatable {
        var parts: [String]
        var subtree: Bool
    }

    /// Nil: every topic.
    var paths: [Path]?

    /// The filter that lets every topic through.
    public static let all = TopicFilter(paths: nil)

    /// The longest expression read (an NVR's filter names a few topics).
    public static let maxExpressionLength = 4096

    /// Reads `expression` in `dialect` (nil: ConcreteSet, ONVIF's). Faults as ONVIF Core's
    /// CreatePullPointSubscription names them: an unknown dialect, or an expression that is
    /// not one.
    public init(expression: String, dialect: String?) throws(SOAPFault) {
        let dialect = dialect.map { $0.trimmingXMLSpace }
        guard let known = dialect.map({ Dialect(rawValue: $0) }) ?? .concreteSet else {
            throw SOAPFault.invalidArgVal("TopicExpressionDialectUnknownFault", "the topic expression dialect '\(dialect ?? "")' is not supported")
        }
        guard expression.utf8.count <= Self.maxExpressionLength else {
            throw SOAPFault.invalidArgVal("InvalidTopicExpressionFault", "the topic expression is longer than \(Self.maxExpressionLength) bytes")
        }
        let alternatives = known == .concreteSet ? expression.split(separator: "|", omittingEmptySubsequences: false) : [Substring(expression)]
        var paths: [Path] = []
        for alternative in alternatives {
            var text = Substring(alternative.trimmingXMLSpace)
            var subtree = false
            if known != .simple, text.hasSuffix("//.") {
                subtree = true
                text = text.dropLast(3)
            }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
                let local = part.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
                return local
            }
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && Self.isName($0) }), known != .simple || parts.count == 1 else {
                throw SOAPFault.invalidArgVal("InvalidTopicExpressionFault", "'\(alternative)' is not a \(known) topic expression")
            }
            paths.append(Path(parts: parts, subtree: subtree || known == .simple))
        }
        self.paths = paths
        guard EventTopic.allCases.contains(where: matches) else {
            throw SOAPFault.invalidArgVal("TopicNotSupportedFault", "the topic expression names no topic this device raises")
        }
    }

    init(paths: [Path]?) {
        self.paths = paths
    }

    /// Whether messages of `topic` pass.
    public func matches(_ topic: EventTopic) -> Bool {
        guard let paths else { return true }
        let parts = topic.parts.map(String.init)
        return paths.contains { path in
            path.subtree ? parts.starts(with: path.parts) : parts == path.parts
        }
    }

    /// An NCName's characters, loosely: letters, digits, `_`, `-`, `.`, or `*`-free text.
    private static func isName(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "." }
    }
}

extension StringProtocol {
    /// The text without XML white space at either end.
    var trimmingXMLSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
