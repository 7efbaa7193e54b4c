/// One header field as received or to be sent.
public struct RTSPHeaderField: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The header fields of a message in order, looked up case-insensitively (RFC 2326 §4.2, §12).
public struct RTSPHeaders: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [RTSPHeaderField]

    public init(_ fields: [RTSPHeaderField] = []) {
        self.fields = fields
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { RTSPHeaderField(name: $0.0, value: $0.1) }
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[RTSPHeaderField]> { fields.makeIterator() }

    /// The first value of `name`; setting replaces every occurrence (nil removes them).
    public subscript(name: String) -> String? {
        get { fields.first { HeaderSyntax.equalsIgnoringCase($0.name, name) }?.value }
        set {
            if let newValue { set(name, newValue) } else { remove(name) }
        }
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { HeaderSyntax.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { HeaderSyntax.equalsIgnoringCase($0.name, name) }
    }

    /// Appends a field, keeping any existing ones with the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(RTSPHeaderField(name: name, value: value))
    }

    /// Replaces the first field named `name` in place and drops the others, or appends.
    public mutating func set(_ name: String, _ value: String) {
        guard let first = fields.firstIndex(where: { HeaderSyntax.equalsIgnoringCase($0.name, name) }) else {
            add(name, value)
            return
        }
        fields[first] = RTSPHeaderField(name: name, value: value)
        var index = fields.count - 1
        while index > first {
            if HeaderSyntax.equalsIgnoringCase(fields[index].name, name) { fields.remove(at: index) }
            index -= 1
        }
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { HeaderSyntax.equalsIgnoringCase($0.name, name) }
    }

    /// Appends text to the value of the last field (header continuation lines, RFC 2326 §4.2
    /// via RFC 2616 §4.2).
    mutating func appendToLastValue(_ text: String) {
        guard let last = fields.indices.last else { return }
        if fields[last].value.isEmpty {
            fields[last].value = text
        } else if !text.isEmpty {
            fields[last].value += " " + text
        }
    }
}
