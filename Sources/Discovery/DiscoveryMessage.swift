import ONVIF

/// The SOAP 1.2 envelopes camsim sends (WS-Discovery §4.1 Hello, §4.2 Bye, §5.3 ProbeMatches),
/// written with ``XMLWriter`` so no camera value can open a tag. Header order follows the
/// specification's examples: Action, MessageID, RelatesTo, To, AppSequence.
public enum DiscoveryMessage {
    /// A Hello announcing `target` to the group.
    public static func hello(_ target: DiscoveryTarget, messageID: String, sequence: AppSequence) -> [UInt8] {
        envelope(action: WSDiscoveryNamespace.helloAction, messageID: messageID, relatesTo: nil,
                 to: WSDiscoveryNamespace.multicastTo, sequence: sequence) { body in
            body.element("d:Hello") { hello in describe(target, into: &hello) }
        }
    }

    /// A Bye saying `target` is gone; the endpoint reference is all it needs (WS-Discovery §4.2).
    public static func bye(_ target: DiscoveryTarget, messageID: String, sequence: AppSequence) -> [UInt8] {
        envelope(action: WSDiscoveryNamespace.byeAction, messageID: messageID, relatesTo: nil,
                 to: WSDiscoveryNamespace.multicastTo, sequence: sequence) { body in
            body.element("d:Bye") { bye in endpoint(target, into: &bye) }
        }
    }

    /// A ProbeMatches answering the Probe `relatesTo`, one `d:ProbeMatch` per target, sent to
    /// the anonymous endpoint (the Probe's sender).
    public static func probeMatches(
        _ targets: [DiscoveryTarget], relatesTo: String, messageID: String, sequence: AppSequence
    ) -> [UInt8] {
        var matches = XMLWriter()
        for target in targets { matches.append(probeMatch(target)) }
        return probeMatches(fragment: matches, relatesTo: relatesTo, messageID: messageID, sequence: sequence)
    }

    /// One `d:ProbeMatch`, to be packed with others.
    static func probeMatch(_ target: DiscoveryTarget) -> XMLWriter {
        var writer = XMLWriter()
        writer.element("d:ProbeMatch") { match in describe(target, into: &match) }
        return writer
    }

    static func probeMatches(fragment: XMLWriter, relatesTo: String, messageID: String, sequence: AppSequence) -> [UInt8] {
        envelope(action: WSDiscoveryNamespace.probeMatchesAction, messageID: messageID, relatesTo: relatesTo,
                 to: WSDiscoveryNamespace.anonymous, sequence: sequence) { body in
            body.element("d:ProbeMatches") { matches in matches.append(fragment) }
        }
    }

    /// The prefixes the envelope declares, and the namespaces they stand for.
    static let prefixes: [(String, String)] = [
        ("s", WSDiscoveryNamespace.envelope), ("a", WSDiscoveryNamespace.addressing), ("d", WSDiscoveryNamespace.discovery),
        ("dn", WSDiscoveryNamespace.network), ("tds", WSDiscoveryNamespace.device),
    ]

    private static func envelope(
        action: String, messageID: String, relatesTo: String?, to: String, sequence: AppSequence,
        body content: (inout XMLWriter) -> Void
    ) -> [UInt8] {
        var writer = XMLWriter()
        writer.element("s:Envelope", prefixes.map { ("xmlns:" + $0.0, $0.1) }) { envelope in
            envelope.element("s:Header") { header in
                header.element("a:Action", value: action)
                header.element("a:MessageID", value: messageID)
                if let relatesTo { header.element("a:RelatesTo", value: relatesTo) }
                header.element("a:To", value: to)
                header.empty("d:AppSequence", [
                    ("InstanceId", String(sequence.instanceID)), ("MessageNumber", String(sequence.messageNumber)),
                ])
            }
            envelope.element("s:Body") { body in content(&body) }
        }
        return Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + writer.text).utf8)
    }

    private static func endpoint(_ target: DiscoveryTarget, into writer: inout XMLWriter) {
        writer.element("a:EndpointReference") { reference in
            reference.element("a:Address", value: target.endpointReference)
        }
    }

    /// EndpointReference, Types, Scopes, XAddrs, MetadataVersion (the order of the schema's sequence).
    private static func describe(_ target: DiscoveryTarget, into writer: inout XMLWriter) {
        endpoint(target, into: &writer)
        var declarations: [(String, String)] = []
        var names: [String] = []
        for type in target.types {
            if let known = prefixes.first(where: { $0.1 == type.namespace }) {
                names.append(known.0 + ":" + type.local)
            } else {
                let prefix = "t\(declarations.count)"
                declarations.append(("xmlns:" + prefix, type.namespace))
                names.append(prefix + ":" + type.local)
            }
        }
        if !names.isEmpty { writer.element("d:Types", declarations, value: names.joined(separator: " ")) }
        if !target.scopes.isEmpty { writer.element("d:Scopes", value: listValue(target.scopes)) }
        if !target.xaddrs.isEmpty { writer.element("d:XAddrs", value: listValue(target.xaddrs)) }
        writer.element("d:MetadataVersion", value: String(target.metadataVersion))
    }

    /// An xs:list of URIs: white space inside one is percent-encoded so it stays one item.
    private static func listValue(_ items: [String]) -> String {
        items.map { item in
            var out = ""
            for character in item {
                switch character {
                case " ": out += "%20"
                case "\t": out += "%09"
                case "\n": out += "%0A"
                case "\r": out += "%0D"
                case "\r\n": out += "%0D%0A"
                default: out.append(character)
                }
            }
            return out
        }.joined(separator: " ")
    }
}
