/// A namespace-qualified XML name: the namespace URI (empty for none) and the local name.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    public var namespace: String
    public var local: String

    public init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }

    public var description: String { namespace.isEmpty ? local : "{\(namespace)}\(local)" }
}

/// One element of a parsed request, with its names resolved to namespace URIs, so the
/// service code compares URIs and never the prefixes a client happened to choose.
public struct XMLNode: Sendable, Equatable {
    public var name: XMLName
    /// Attributes other than namespace declarations.
    public var attributes: [XMLName: String]
    public var children: [XMLNode]
    /// The element's own character data (CDATA included), children's excluded.
    public var text: String

    public init(name: XMLName, attributes: [XMLName: String] = [:], children: [XMLNode] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child called `local` in `namespace` (any namespace when nil).
    public func child(_ local: String, in namespace: String? = nil) -> XMLNode? {
        children.first { $0.name.local == local && (namespace == nil || $0.name.namespace == namespace) }
    }

    /// Every child called `local` in `namespace` (any namespace when nil).
    public func children(_ local: String, in namespace: String? = nil) -> [XMLNode] {
        children.filter { $0.name.local == local && (namespace == nil || $0.name.namespace == namespace) }
    }

    /// The text with XML white space trimmed at both ends (xs:token-like values).
    public var trimmedText: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
