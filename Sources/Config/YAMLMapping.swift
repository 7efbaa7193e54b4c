import Spelling
import Yams

/// A YAML mapping with a fixed set of valid keys.
///
/// Creating one reports every key that is not allowed (suggesting the nearest
/// valid key) and every key that is not a plain string. Lookups treat an
/// explicit null the same as a missing key, so `key: ~` means "use the default".
struct YAMLMapping {
    let field: YAMLField
    private var entries: [(key: String, keyNode: Node, value: Node)] = []

    init?(field: YAMLField, allowedKeys: [String]) {
        guard case .mapping(let mapping) = field.node else {
            field.typeMismatch(expected: "a mapping")
            return nil
        }
        self.field = field
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                field.collector.report("keys must be plain words, found a \(keyNode.mapping != nil ? "mapping" : "list")",
                                       at: keyNode.mark, path: field.path)
                continue
            }
            let key = scalar.string
            guard allowedKeys.contains(key) else {
                field.collector.report(
                    "unknown key '\(key)'",
                    at: keyNode.mark,
                    path: field.path.appending(key),
                    suggestion: Spelling.didYouMean(key, in: allowedKeys)
                        ?? "valid keys: \(allowedKeys.joined(separator: ", "))"
                )
                continue
            }
            entries.append((key, keyNode, value))
        }
    }

    var collector: ProblemCollector { field.collector }

    /// The value for `key`, or nil when it is missing or null.
    subscript(key: String) -> YAMLField? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        let value = YAMLField(node: entry.value, path: field.path.appending(key), collector: field.collector)
        return value.isNull ? nil : value
    }

    /// Whether `key` is present with a non-null value.
    func has(_ key: String) -> Bool { self[key] != nil }

    /// Whether `key` is present with an explicit null value (`key:` with nothing after it).
    func hasNull(_ key: String) -> Bool { entries.contains { $0.key == key } && self[key] == nil }

    /// Reports a problem located at the mapping itself.
    func fail(_ message: String, suggestion: String? = nil) {
        field.fail(message, suggestion: suggestion)
    }
}
