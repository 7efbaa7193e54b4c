/// The `Digest` credentials of an `Authorization` header (RFC 7616 §3.4, RFC 2617
/// §3.2.2, and RFC 2069's form without `qop`, `nc` and `cnonce` that GStreamer and
/// live555 send).
public struct DigestCredentials: Hashable, Sendable {
    public var username: String
    public var realm: String
    public var nonce: String
    public var uri: String
    public var response: String
    /// The `algorithm` token as sent; nil means MD5.
    public var algorithm: String?
    public var opaque: String?
    /// `qop`, `nc` (8 hex digits) and `cnonce`, all three or none.
    public var qop: String?
    public var nc: UInt32?
    public var cnonce: String?

    /// Longest `nc` accepted: 8 hex digits (RFC 7616 §3.4).
    public static let ncDigits = 8

    public init(
        username: String, realm: String, nonce: String, uri: String, response: String, algorithm: String? = nil,
        opaque: String? = nil, qop: String? = nil, nc: UInt32? = nil, cnonce: String? = nil
    ) {
        self.username = username
        self.realm = realm
        self.nonce = nonce
        self.uri = uri
        self.response = response
        self.algorithm = algorithm
        self.opaque = opaque
        self.qop = qop
        self.nc = nc
        self.cnonce = cnonce
    }

    /// Reads Digest credentials; every required parameter must be there.
    public init(_ value: AuthHeaderValue) throws(AuthHeaderError) {
        guard value.hasScheme("Digest") else { throw .wrongScheme(value.scheme) }
        func required(_ name: String) throws(AuthHeaderError) -> String {
            guard let text = value[name] else { throw .missingParameter(name) }
            return text
        }
        username = try required("username")
        realm = try required("realm")
        nonce = try required("nonce")
        uri = try required("uri")
        response = try required("response")
        algorithm = value["algorithm"]
        opaque = value["opaque"]
        qop = value["qop"]
        cnonce = value["cnonce"]
        if let text = value["nc"] {
            guard text.utf8.count == Self.ncDigits, let number = UInt32(text, radix: 16) else {
                throw .invalidParameter(name: "nc", value: text)
            }
            nc = number
        }
        if qop != nil {
            guard nc != nil else { throw .missingParameter("nc") }
            guard cnonce != nil else { throw .missingParameter("cnonce") }
        }
    }

    public static func parse(_ text: String) throws(AuthHeaderError) -> DigestCredentials {
        try DigestCredentials(AuthHeaderValue.parseCredentials(text))
    }

    /// `nc` as written on the wire: 8 lower-case hex digits.
    public var ncText: String? {
        nc.map { number in
            let digits = String(number, radix: 16)
            return String(repeating: "0", count: Self.ncDigits - digits.count) + digits
        }
    }

    /// What to hash for this response, with the request's method.
    public func computation(method: String) -> DigestComputation? {
        guard let algorithm = DigestAlgorithm(parameter: algorithm) else { return nil }
        var qopParts: (qop: String, nc: String, cnonce: String)?
        if let qop, let nc = ncText, let cnonce { qopParts = (qop, nc, cnonce) }
        return DigestComputation(
            algorithm: algorithm, username: username, realm: realm, nonce: nonce, method: method, uri: uri,
            qop: qopParts, sessionCnonce: cnonce)
    }

    /// The header value, quoted as clients send it; `qop`, `nc` and `algorithm` unquoted.
    public var headerValue: AuthHeaderValue {
        var parameters: [AuthHeaderValue.Parameter] = [
            .init("username", username), .init("realm", realm), .init("nonce", nonce), .init("uri", uri),
            .init("response", response),
        ]
        if let algorithm { parameters.append(.init("algorithm", algorithm, quoted: !AuthSyntax.isToken(algorithm))) }
        if let opaque { parameters.append(.init("opaque", opaque)) }
        if let qop { parameters.append(.init("qop", qop, quoted: !AuthSyntax.isToken(qop))) }
        if let ncText { parameters.append(.init("nc", ncText, quoted: false)) }
        if let cnonce { parameters.append(.init("cnonce", cnonce)) }
        return AuthHeaderValue(scheme: "Digest", parameters: parameters)
    }

    public var serialized: String { headerValue.serialized }
}
