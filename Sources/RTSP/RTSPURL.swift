/// Why a request URI could not be read as an RTSP URL.
public enum RTSPURLError: Error, Hashable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    case tooManySegments(count: Int, limit: Int)
    /// A scheme other than `rtsp`, `rtsps` or `rtspu`.
    case unsupportedScheme(String)
    /// Neither `scheme://authority...`, `/path` nor `*`.
    case notAbsolute(String)
    case missingHost(String)
    case invalidHost(String)
    case invalidPort(String)
    /// A `%` not followed by two hex digits, or escapes that do not decode as UTF-8.
    case invalidPercentEncoding(String)
}

/// What a request URL names relative to a camera's path.
public enum RTSPControlTarget: Hashable, Sendable {
    /// The camera's presentation as a whole.
    case aggregate
    /// One track, from a `trackID=N` or `stream=N` last segment.
    case track(Int)
    /// Something else.
    case none
}

/// A request URI (RFC 2326 §3.2): `rtsp[s|u]://host[:port]/path[?query]`, a bare absolute
/// path, or `*`. Path segments and query items are percent-decoded.
public struct RTSPURL: Hashable, Sendable, CustomStringConvertible {
    /// Longest URI accepted.
    public static let maximumLength = 4096
    /// Most path segments accepted.
    public static let maximumSegments = 64
    /// `port = 1*5(DIGIT)`.
    public static let maximumPortDigits = 5
    /// Most digits in a `trackID=N` or `stream=N` number.
    public static let maximumTrackDigits = 6

    /// `rtsp`, `rtsps` or `rtspu` (lowercased); nil for a bare path or `*`.
    public var scheme: String?
    /// `user[:password]` before `@`, verbatim.
    public var userInfo: String?
    /// The host without IPv6 brackets; nil for a bare path or `*`.
    public var host: String?
    public var port: Int?
    public var pathSegments: [String]
    public var queryItems: [(name: String, value: String)]
    /// True for the `*` request URI (OPTIONS to the server itself).
    public var isAsterisk: Bool

    public init(
        scheme: String? = nil, userInfo: String? = nil, host: String? = nil, port: Int? = nil,
        pathSegments: [String] = [], queryItems: [(name: String, value: String)] = [], isAsterisk: Bool = false
    ) {
        self.scheme = scheme
        self.userInfo = userInfo
        self.host = host
        self.port = port
        self.pathSegments = pathSegments
        self.queryItems = queryItems
        self.isAsterisk = isAsterisk
    }

    /// The port to use: the explicit one, else 322 for `rtsps` and 554 otherwise (RFC 2326 §3.2).
    public var effectivePort: Int { port ?? (scheme == "rtsps" ? 322 : 554) }

    public static func parse(_ text: String) throws(RTSPURLError) -> RTSPURL {
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count <= maximumLength else { throw .tooLong(length: text.utf8.count, limit: maximumLength) }
        if text == "*" { return RTSPURL(isAsterisk: true) }
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var url = RTSPURL()
        if !rest.hasPrefix("/") {
            guard let colon = rest.firstIndex(of: ":") else { throw .notAbsolute(text) }
            let scheme = rest[..<colon].lowercased()
            guard ["rtsp", "rtsps", "rtspu"].contains(scheme) else { throw .unsupportedScheme(String(rest[..<colon])) }
            rest = rest[rest.index(after: colon)...]
            guard rest.hasPrefix("//") else { throw .notAbsolute(text) }
            rest = rest.dropFirst(2)
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            try url.parseAuthority(rest[..<authorityEnd], in: text)
            url.scheme = scheme
            rest = rest[authorityEnd...]
        }
        var pathPart = rest
        if let question = rest.firstIndex(of: "?") {
            pathPart = rest[..<question]
            url.queryItems = try parseQuery(rest[rest.index(after: question)...])
        }
        let segments = HeaderSyntax.pieces(of: pathPart, at: UInt8(ascii: "/"), omittingEmpty: true)
        guard segments.count <= maximumSegments else {
            throw .tooManySegments(count: segments.count, limit: maximumSegments)
        }
        for segment in segments {
            url.pathSegments.append(try percentDecode(segment))
        }
        return url
    }

    public init?(parsing text: String) {
        guard let url = try? Self.parse(text) else { return nil }
        self = url
    }

    /// `[userinfo@]host[:port]`, host a name, an IPv4 address or `[IPv6]` (RFC 3986 §3.2).
    private mutating func parseAuthority(_ authority: Substring, in text: String) throws(RTSPURLError) {
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            hostPort = authority[authority.index(after: at)...]
        }
        guard !hostPort.isEmpty else { throw .missingHost(text) }
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .invalidHost(String(hostPort)) }
            let inner = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            guard !inner.isEmpty, inner.contains(":"),
                  inner.utf8.allSatisfy({ HeaderSyntax.hexValue($0) != nil || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
            else { throw .invalidHost(String(hostPort)) }
            host = String(inner)
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidHost(String(hostPort)) }
                portText = after.dropFirst()
            }
        } else {
            if let colon = hostPort.firstIndex(of: ":") {
                portText = hostPort[hostPort.index(after: colon)...]
                hostPort = hostPort[..<colon]
            }
            guard !hostPort.isEmpty else { throw .missingHost(text) }
            guard hostPort.utf8.allSatisfy({ HeaderSyntax.isAlphanumeric($0) || "-._~%!$&'()*+,;=".utf8.contains($0) })
            else { throw .invalidHost(String(hostPort)) }
            host = String(hostPort)
        }
        if let portText, !portText.isEmpty {
            guard let number = HeaderSyntax.parseDigits(portText, maxDigits: Self.maximumPortDigits),
                  number <= Int(UInt16.max)
            else { throw .invalidPort(String(portText)) }
            port = number
        }
    }

    /// `name=value` pairs separated by `&`; a name without `=` gets an empty value.
    private static func parseQuery(_ query: Substring) throws(RTSPURLError) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        for pair in HeaderSyntax.pieces(of: query, at: UInt8(ascii: "&"), omittingEmpty: true) {
            if let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
                items.append((try percentDecode(pair[..<equals]), try percentDecode(pair[pair.utf8.index(after: equals)...])))
            } else {
                items.append((try percentDecode(pair), ""))
            }
        }
        return items
    }

    /// Decodes `%XX` escapes (RFC 3986 §2.1); the result must be valid UTF-8.
    static func percentDecode(_ text: Substring) throws(RTSPURLError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(HeaderSyntax.hexValue), let low = iterator.next().flatMap(HeaderSyntax.hexValue)
            else { throw .invalidPercentEncoding(String(text)) }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .invalidPercentEncoding(String(text))
        }
        return decoded
    }


    /// Whether this URL names the camera at `cameraPath` as a whole (with or without a
    /// trailing slash), one of its tracks (`<camera path>/trackID=N` or `/stream=N`), or
    /// neither. The query is ignored; path segments compare exactly.
    public func resolvingControl(cameraPath: [String]) -> RTSPControlTarget {
        guard !isAsterisk, pathSegments.starts(with: cameraPath) else { return .none }
        let extra = pathSegments.dropFirst(cameraPath.count)
        if extra.isEmpty { return .aggregate }
        guard extra.count == 1, let last = extra.first else { return .none }
        for prefix in ["trackid=", "stream="] where last.lowercased().hasPrefix(prefix) {
            let digits = last.dropFirst(prefix.count)
            if let number = HeaderSyntax.parseDigits(digits, maxDigits: Self.maximumTrackDigits) {
                return .track(number)
            }
        }
        return .none
    }

    /// The URL written back out, percent-encoding what needs it.
    public var serialized: String {
        if isAsterisk { return "*" }
        var text = ""
        if let scheme, let host {
            text = scheme + "://"
            if let userInfo { text += userInfo + "@" }
            text += host.contains(":") ? "[\(host)]" : host
            if let port { text += ":\(port)" }
        }
        text += "/" + pathSegments.map { Self.percentEncode($0) }.joined(separator: "/")
        if !queryItems.isEmpty {
            // The first `=` ends a query name, so one inside the name is escaped.
            text += "?" + queryItems.map { item in
                Self.percentEncode(item.name, escapingEquals: true) + "=" + Self.percentEncode(item.value)
            }.joined(separator: "&")
        }
        return text
    }

    public var description: String { serialized }

    /// Escapes everything but RFC 3986 §2.3 unreserved characters and `=` (unless
    /// `escapingEquals`), `:`, `@`, `+`, `,`.
    static func percentEncode(_ text: String, escapingEquals: Bool = false) -> String {
        var out = ""
        for byte in text.utf8 {
            let kept = HeaderSyntax.isAlphanumeric(byte) || "-._~:@+,".utf8.contains(byte)
                || (byte == UInt8(ascii: "=") && !escapingEquals)
            if kept {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + HeaderSyntax.hex(byte, digits: 2)
            }
        }
        return out
    }

    public static func == (lhs: RTSPURL, rhs: RTSPURL) -> Bool {
        lhs.scheme == rhs.scheme && lhs.userInfo == rhs.userInfo && lhs.host == rhs.host && lhs.port == rhs.port
            && lhs.pathSegments == rhs.pathSegments && lhs.isAsterisk == rhs.isAsterisk
            && lhs.queryItems.map(\.name) == rhs.queryItems.map(\.name)
            && lhs.queryItems.map(\.value) == rhs.queryItems.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scheme)
        hasher.combine(userInfo)
        hasher.combine(host)
        hasher.combine(port)
        hasher.combine(pathSegments)
        hasher.combine(isAsterisk)
        for item in queryItems {
            hasher.combine(item.name)
            hasher.combine(item.value)
        }
    }
}
