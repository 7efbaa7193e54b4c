/// Why a Require or Proxy-Require header (RFC 2326 §12.32, §12.27) does not parse. A server
/// answers 400 Bad Request.
public enum RequireHeaderError: Error, Hashable, Sendable {
    /// No option tag at all.
    case empty
    case tooLong(length: Int, limit: Int)
    case tooManyTags(count: Int, limit: Int)
    /// An option tag that is not a token.
    case invalidTag(String)

    /// 400 Bad Request.
    public var status: RTSPStatus { .badRequest }
}

/// A comma-separated list of option tags (RFC 2326 §3.8): what a client requires of the
/// server in `Require` (§12.32) or of proxies in `Proxy-Require` (§12.27), and what a server
/// answers in `Unsupported` (§12.42) with 551 Option not supported.
public struct RequireHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "Require"
    public static let proxyRequireHeaderName = "Proxy-Require"
    /// The answer's header listing the tags the server does not support.
    public static let unsupportedHeaderName = "Unsupported"
    /// Longest header value accepted.
    public static let maximumLength = 1024
    /// Most tags in one header.
    public static let maximumTags = 32

    /// The tags in order, as received (tags are compared exactly).
    public var tags: [String]

    public init(tags: [String]) {
        self.tags = tags
    }

    /// `1#option-tag`: tokens separated by commas; empty list elements and whitespace
    /// around tags are ignored (RFC 2616 §2.1 `#` rule).
    public static func parse(_ text: String) throws(RequireHeaderError) -> RequireHeader {
        guard text.utf8.count <= maximumLength else { throw .tooLong(length: text.utf8.count, limit: maximumLength) }
        let tags = HeaderSyntax.pieces(of: text, at: UInt8(ascii: ","))
            .map { HeaderSyntax.trim($0) }.filter { !$0.isEmpty }
        guard !tags.isEmpty else { throw .empty }
        guard tags.count <= maximumTags else { throw .tooManyTags(count: tags.count, limit: maximumTags) }
        if let invalid = tags.first(where: { !isOptionTag($0) }) { throw .invalidTag(invalid) }
        return RequireHeader(tags: tags)
    }

    /// A token, or tokens joined by `/`: RFC 2326 §3.8 allows `/` in an option tag
    /// (`1*xchar`), and the ONVIF tags have it (`www.onvif.org/ver20/backchannel`).
    static func isOptionTag(_ tag: some StringProtocol) -> Bool {
        let pieces = HeaderSyntax.pieces(of: tag, at: UInt8(ascii: "/"))
        return pieces.allSatisfy { !$0.isEmpty && HeaderSyntax.isToken($0) }
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    /// `tag, tag`.
    public var serialized: String { tags.joined(separator: ", ") }
    public var description: String { serialized }
}

extension RTSPRequest {
    /// The option tags of every Require and Proxy-Require header that are not in `supported`,
    /// in order and without repeats; empty when the request can be served. A server that is
    /// no proxy treats Proxy-Require like Require (RFC 2326 §12.27) and answers a non-empty
    /// list with 551 Option not supported and `Unsupported: <tags>` (RFC 2326 §12.32).
    public func unsupportedOptionTags(supported: Set<String> = []) throws(RequireHeaderError) -> [String] {
        var missing: [String] = []
        for field in headers where HeaderSyntax.equalsIgnoringCase(field.name, RequireHeader.headerName)
            || HeaderSyntax.equalsIgnoringCase(field.name, RequireHeader.proxyRequireHeaderName) {
            for tag in try RequireHeader.parse(field.value).tags where !supported.contains(tag) && !missing.contains(tag) {
                missing.append(tag)
            }
        }
        return missing
    }

    /// True when a Require header of the request names `tag` (a list that does not parse
    /// names nothing; `unsupportedOptionTags` reports it).
    public func requires(_ tag: String) -> Bool {
        headers.values(RequireHeader.headerName).contains { value in
            (try? RequireHeader.parse(value))?.tags.contains(tag) ?? false
        }
    }
}
