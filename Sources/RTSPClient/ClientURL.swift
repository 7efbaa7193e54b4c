/// An `rtsp://` (or `rtsps://`) URL as the client uses it: split into scheme, credentials,
/// authority and path, with the text of each part kept as written so requests carry the
/// URL the server gave (RFC 2326 §3.2). Credentials (`user:password@`) are taken out of
/// requests, as RFC 3986 §3.2.1 deprecates sending them.
public struct ClientURL: Hashable, Sendable, CustomStringConvertible {
    /// Longest URL accepted, from the user or from a server (Location, Content-Base, control).
    public static let maximumLength = 4096

    /// `rtsp` or `rtsps`, lower-cased.
    public var scheme: String
    /// The percent-decoded user name and password of `user:password@`, if any.
    public var user: String?
    public var password: String?
    /// `host` or `host:port` as written (an IPv6 host in brackets).
    public var authority: String
    /// The host without brackets.
    public var host: String
    public var port: Int?
    /// The path and query, starting with `/` (just `/` when the URL has none).
    public var pathAndQuery: String

    /// The port to connect to: the URL's, or 554 (322 for rtsps) (RFC 2326 §3.2, RFC 7826 §19.2).
    public var effectivePort: Int { port ?? (scheme == "rtsps" ? 322 : 554) }

    /// Parses an absolute RTSP URL; nil for anything else.
    public init?(_ text: String) {
        guard text.utf8.count <= Self.maximumLength,
              !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }),
              let schemeEnd = text.range(of: "://")
        else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "rtsp" || scheme == "rtsps" || scheme == "rtspu" else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var user: String?, password: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                user = Self.percentDecoded(userInfo[..<colon])
                password = Self.percentDecoded(userInfo[userInfo.index(after: colon)...])
            } else {
                user = Self.percentDecoded(userInfo)
            }
            authority = authority[authority.index(after: at)...]
        }
        var host = Substring(authority)
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Self.port(after.dropFirst()) else { return nil }
                port = number
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            let digits = authority[authority.index(after: colon)...]
            if !digits.isEmpty {
                guard let number = Self.port(digits) else { return nil }
                port = number
            }
        }
        guard !host.isEmpty else { return nil }
        var path = String(rest[authorityEnd...])
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if !path.hasPrefix("/") { path = "/" + path }
        self.scheme = scheme
        self.user = user
        self.password = password
        self.authority = String(authority)
        self.host = String(host)
        self.port = port
        self.pathAndQuery = path
    }

    /// The URL without credentials, as written on request lines.
    public var requestURI: String { "\(scheme)://\(authority)\(pathAndQuery)" }

    public var description: String { requestURI }

    /// The path without the query.
    public var path: String {
        guard let query = pathAndQuery.firstIndex(of: "?") else { return pathAndQuery }
        return String(pathAndQuery[..<query])
    }

    private static func port(_ digits: Substring) -> Int? {
        guard (1...5).contains(digits.count), digits.allSatisfy(\.isASCII), let number = Int(digits),
              (0...65535).contains(number)
        else { return nil }
        return number
    }

    /// `%XX` escapes decoded (RFC 3986 §2.1); a malformed escape is kept as written.
    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
