/// How a Probe's scopes are compared with a target's (WS-Discovery §5.1, `d:Scopes/@MatchBy`).
public enum ScopeMatchRule: Sendable, Equatable {
    /// The default (`…/rfc2396`, named `…/rfc3986` in WS-Discovery 1.1): scheme and authority
    /// equal ignoring case, and the probe scope's path segments a segment-by-segment prefix of
    /// the target's, compared case-sensitively, whole segments only (`name/lob` does not match
    /// `name/lobby`). Query and fragment are not compared.
    case rfc3986
    /// `…/strcmp0`: the two are the same string.
    case strcmp0
    /// A rule camsim does not implement: nothing matches (WS-Discovery §5.1 would fault with
    /// `d:MatchingRuleNotSupported`; a multicast Probe gets silence instead).
    case unsupported(String)

    public init(uri: String) {
        switch uri {
        case WSDiscoveryNamespace.matchByRFC2396, WSDiscoveryNamespace.matchByRFC3986: self = .rfc3986
        case WSDiscoveryNamespace.matchByStrcmp0: self = .strcmp0
        default: self = .unsupported(uri)
        }
    }

    /// Whether `probeScope` matches `targetScope` under this rule.
    public func matches(_ probeScope: String, _ targetScope: String) -> Bool {
        switch self {
        case .strcmp0:
            return probeScope == targetScope
        case .unsupported:
            return false
        case .rfc3986:
            guard let probe = ScopeURI(probeScope), let target = ScopeURI(targetScope) else { return false }
            return probe.scheme.lowercased() == target.scheme.lowercased()
                && probe.authority?.lowercased() == target.authority?.lowercased()
                && probe.segments.count <= target.segments.count
                && zip(probe.segments, target.segments).allSatisfy { $0 == $1 }
        }
    }
}

/// A URI cut into what the RFC 3986 rule compares (RFC 3986 §3: scheme, authority, path).
struct ScopeURI: Equatable {
    var scheme: Substring
    var authority: Substring?
    /// The path's segments, without the empty ones a leading or trailing `/` makes.
    var segments: [Substring]

    init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return nil }
        scheme = text[..<colon]
        guard scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        var rest = text[text.index(after: colon)...]
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = afterSlashes[..<end]
            rest = afterSlashes[end...]
        } else {
            authority = nil
        }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        segments = parts
    }
}
