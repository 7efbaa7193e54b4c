/// A request target reduced to what names a resource, to compare the `uri` parameter of
/// Digest credentials with the request line (RFC 7616 §3.4.6): absolute or relative
/// form, `%xx` escapes decoded, empty segments (`//`) and `.` dropped, `..` applied, the
/// query and fragment removed, a trailing track suffix (`trackID=N`, `stream=N`) removed.
/// Case is kept: camera paths are case-sensitive.
public struct DigestURI: Hashable, Sendable {
    /// Lower-cased host of an absolute URI; nil for a path.
    public var host: String?
    public var port: Int?
    public var segments: [String]
    /// Whether a track suffix was removed.
    public var namedTrack: Bool

    /// Longest URI read.
    public static let maximumLength = 4096

    /// Nil when the text is not a URI this server could serve (bad escapes, a scheme
    /// other than rtsp/rtsps/rtspu/http, too long).
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= Self.maximumLength else { return nil }
        var rest = Substring(text)
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        host = nil
        port = nil
        if !rest.hasPrefix("/") {
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            let scheme = rest[..<colon].lowercased()
            guard ["rtsp", "rtsps", "rtspu", "http", "https"].contains(scheme) else { return nil }
            rest = rest[rest.index(after: colon)...]
            guard rest.hasPrefix("//") else { return nil }
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                host = authority[authority.index(after: authority.startIndex)..<close].lowercased()
                let after = authority[authority.index(after: close)...]
                if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            } else if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon].lowercased()
                port = Int(authority[authority.index(after: colon)...])
            } else {
                host = authority.lowercased()
            }
            rest = rest[end...]
        }
        var segments: [String] = []
        for raw in rest.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let segment = Self.percentDecoded(Array(raw)) else { return nil }
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        namedTrack = false
        if let last = segments.last, Self.isTrackSuffix(last) {
            segments.removeLast()
            namedTrack = true
        }
        self.segments = segments
    }

    /// Whether `other` names the same resource: the same segments and, when both are
    /// absolute, the same host (and port, when both give one).
    public func namesSameResource(as other: DigestURI) -> Bool {
        guard segments == other.segments else { return false }
        return sameAuthority(as: other)
    }

    /// Whether the hosts agree: either side relative, or the same host and port.
    public func sameAuthority(as other: DigestURI) -> Bool {
        guard let host, let otherHost = other.host else { return true }
        guard host == otherHost else { return false }
        if let port, let otherPort = other.port { return port == otherPort }
        return true
    }

    /// `trackID=N` or `stream=N` (case-insensitive name, decimal N).
    static func isTrackSuffix(_ segment: String) -> Bool {
        for prefix in ["trackid=", "stream="] where segment.lowercased().hasPrefix(prefix) {
            let digits = segment.utf8.dropFirst(prefix.utf8.count)
            return !digits.isEmpty && digits.count <= 6 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        return false
    }

    private static func percentDecoded(_ bytes: [UInt8]) -> String? {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count,
                      let high = AuthSyntax.hexValue(bytes[index + 1]), let low = AuthSyntax.hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
