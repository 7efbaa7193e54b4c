import Yams

/// A YAML value together with where it is and how to report problems about it.
///
/// Each conversion reports a type problem and returns nil when the value does
/// not have the expected shape, so callers can simply skip the field.
struct YAMLField {
    let node: Node
    let path: ConfigKeyPath
    let collector: ProblemCollector

    var mark: Mark? { node.mark }

    /// Reports a problem located at this value.
    func fail(_ message: String, suggestion: String? = nil) {
        collector.report(message, at: mark, path: path, suggestion: suggestion)
    }

    /// True for an explicit YAML null (`~`, `null`, or nothing after the colon).
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short description of what the value is, for "expected X, found Y" messages.
    var shape: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar): return "'\(scalar.string)'"
        }
    }

    func typeMismatch(expected: String) {
        fail("expected \(expected), found \(shape)")
    }

    /// The scalar text, or nil (reported) for mappings and lists.
    func string(expected: String = "a string") -> String? {
        guard case .scalar(let scalar) = node else {
            typeMismatch(expected: expected)
            return nil
        }
        return scalar.string
    }

    /// A whole number; `_` separators are allowed.
    func int() -> Int? {
        guard let text = string(expected: "a whole number") else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            typeMismatch(expected: "a whole number")
            return nil
        }
        return value
    }

    /// An unsigned 64-bit whole number.
    func uint64() -> UInt64? {
        guard let text = string(expected: "a non-negative whole number") else { return nil }
        guard let value = UInt64(text.replacingOccurrences(of: "_", with: "")) else {
            typeMismatch(expected: "a non-negative whole number")
            return nil
        }
        return value
    }

    /// A finite decimal number.
    func double() -> Double? {
        guard let text = string(expected: "a number") else { return nil }
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            typeMismatch(expected: "a number")
            return nil
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`, `on`/`off`).
    func bool() -> Bool? {
        guard let text = string(expected: "true or false") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            typeMismatch(expected: "true or false")
            return nil
        }
    }

    /// The elements of a list, each with its indexed path; nil (reported) otherwise.
    func sequence() -> [YAMLField]? {
        guard case .sequence(let sequence) = node else {
            typeMismatch(expected: "a list")
            return nil
        }
        return sequence.enumerated().map { index, element in
            YAMLField(node: element, path: path.appending(index: index), collector: collector)
        }
    }

    /// The value as a mapping restricted to `allowedKeys`; nil (reported) if it is not a mapping.
    func mapping(allowedKeys: [String]) -> YAMLMapping? {
        YAMLMapping(field: self, allowedKeys: allowedKeys)
    }
}
