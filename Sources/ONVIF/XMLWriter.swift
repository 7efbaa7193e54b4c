/// Writes XML text with every value escaped (XML 1.0 §2.4, §3.3.3): the one way responses
/// are made, so no value (a camera name, a client's token) can open a tag.
public struct XMLWriter: Sendable {
    public private(set) var text = ""

    public init() {}

    /// `<name attributes>…</name>`, the body written by `content`.
    public mutating func element(
        _ name: String, _ attributes: [(String, String)] = [], _ content: (inout XMLWriter) -> Void
    ) {
        openTag(name, attributes)
        content(&self)
        text += "</\(name)>"
    }

    /// `<name attributes>value</name>`.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], value: String) {
        openTag(name, attributes)
        text += Self.escaped(value, quote: false)
        text += "</\(name)>"
    }

    /// `<name attributes/>`.
    public mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)"
        appendAttributes(attributes)
        text += "/>"
    }

    /// A fragment another writer made.
    public mutating func append(_ fragment: XMLWriter) {
        text += fragment.text
    }

    private mutating func openTag(_ name: String, _ attributes: [(String, String)]) {
        text += "<\(name)"
        appendAttributes(attributes)
        text += ">"
    }

    private mutating func appendAttributes(_ attributes: [(String, String)]) {
        for (key, value) in attributes { text += " \(key)=\"\(Self.escaped(value, quote: true))\"" }
    }

    /// `&`, `<` and `>` escaped, and `"` too in an attribute value; control characters XML
    /// 1.0 cannot carry are dropped.
    public static func escaped(_ value: String, quote: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quote: out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
