import ONVIF

/// A WS-Discovery Probe (WS-Discovery §5.2): what a client looks for. Read from one
/// datagram; anything that is not a well-formed, bounded Probe is not a Probe (``parse(_:)``
/// returns nil) and gets no answer, as SOAP-over-UDP has no channel for faults worth sending
/// to a multicast sender.
public struct Probe: Sendable, Equatable {
    /// `wsa:MessageID`, which each ProbeMatches names in `wsa:RelatesTo`.
    public var messageID: String
    /// `d:Types`: every one must be a type of a match. A QName whose prefix the message
    /// declares more than once holds each namespace it was declared with.
    public var types: [ProbeType]
    /// `d:Scopes`: every one must match a scope of a match under ``matchBy``.
    public var scopes: [String]
    public var matchBy: ScopeMatchRule

    public init(messageID: String, types: [ProbeType] = [], scopes: [String] = [], matchBy: ScopeMatchRule = .rfc3986) {
        self.messageID = messageID
        self.types = types
        self.scopes = scopes
        self.matchBy = matchBy
    }

    /// The Probe in `bytes`, or nil: too large, not XML, not SOAP 1.2, no MessageID, no
    /// `d:Probe` in the body, or more terms than ``DiscoveryLimits/maxProbeTerms``.
    public static func parse(_ bytes: [UInt8]) -> Probe? {
        guard bytes.count <= DiscoveryLimits.maxProbeBytes else { return nil }
        var xmlGuard = XMLGuard()
        xmlGuard.maxBytes = DiscoveryLimits.maxProbeBytes
        xmlGuard.maxDepth = DiscoveryLimits.maxProbeDepth
        xmlGuard.maxElements = DiscoveryLimits.maxProbeElements
        guard let envelope = try? XMLNode.parse(bytes, guard: xmlGuard),
              envelope.name == XMLName(WSDiscoveryNamespace.envelope, "Envelope"),
              let header = envelope.child("Header", in: WSDiscoveryNamespace.envelope),
              let body = envelope.child("Body", in: WSDiscoveryNamespace.envelope),
              let probe = body.child("Probe", in: WSDiscoveryNamespace.discovery),
              // Any WS-Addressing version's MessageID: clients differ.
              let messageID = header.child("MessageID")?.trimmedText,
              !messageID.isEmpty, messageID.utf8.count <= 256
        else { return nil }
        let declarations = NamespaceDeclarations(scanning: bytes)
        var types: [ProbeType] = []
        for element in probe.children("Types", in: WSDiscoveryNamespace.discovery) {
            for qname in Self.list(element.text) {
                guard let type = ProbeType(qname: qname, declarations: declarations) else { return nil }
                types.append(type)
            }
        }
        var scopes: [String] = []
        var matchBy = ScopeMatchRule.rfc3986
        if let element = probe.child("Scopes", in: WSDiscoveryNamespace.discovery) {
            scopes = Self.list(element.text)
            if let rule = element.attributes[XMLName("", "MatchBy")] {
                matchBy = ScopeMatchRule(uri: rule.trimmingXMLSpace)
            }
        }
        guard types.count <= DiscoveryLimits.maxProbeTerms, scopes.count <= DiscoveryLimits.maxProbeTerms else { return nil }
        return Probe(messageID: messageID, types: types, scopes: scopes, matchBy: matchBy)
    }

    /// An xs:list: items split at XML white space.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }
}

/// One QName of a Probe's `d:Types`, with the namespaces its prefix may stand for.
public struct ProbeType: Sendable, Equatable {
    public var namespaces: Set<String>
    public var local: String

    public init(namespace: String, local: String) {
        namespaces = [namespace]
        self.local = local
    }

    /// `prefix:local` resolved with the message's declarations; nil for an undeclared prefix.
    init?(qname: String, declarations: NamespaceDeclarations) {
        let parts = qname.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        let prefix = parts.count == 2 ? String(parts[0]) : ""
        guard let namespaces = declarations.prefixes[prefix], !namespaces.isEmpty else { return nil }
        self.namespaces = namespaces
        local = String(parts[parts.count - 1])
    }

    /// Whether `name` is this type.
    public func matches(_ name: XMLName) -> Bool { name.local == local && namespaces.contains(name.namespace) }
}

extension String {
    var trimmingXMLSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
