/// A `Digest` challenge as this server writes it (RFC 7616 §3.3):
///
///     Digest realm="camsim", nonce="…", algorithm=SHA-256, qop="auth", stale=TRUE
///
/// `realm` then `nonce` come first, in that order, as live555 reads them with a fixed
/// pattern; `algorithm` and `stale` are unquoted tokens.
public struct DigestChallenge: Hashable, Sendable {
    public var realm: String
    /// Nil only to write a deliberately broken challenge (the missing-nonce fault).
    public var nonce: String?
    /// The `algorithm` token as written; nil leaves the parameter out (meaning MD5).
    public var algorithm: String?
    /// `qop="auth"` when true.
    public var offersQOP: Bool
    public var stale: Bool
    public var opaque: String?

    public init(
        realm: String, nonce: String?, algorithm: String? = nil, offersQOP: Bool = true, stale: Bool = false,
        opaque: String? = nil
    ) {
        self.realm = realm
        self.nonce = nonce
        self.algorithm = algorithm
        self.offersQOP = offersQOP
        self.stale = stale
        self.opaque = opaque
    }

    public var headerValue: AuthHeaderValue {
        var parameters = [AuthHeaderValue.Parameter("realm", realm)]
        if let nonce { parameters.append(.init("nonce", nonce)) }
        if let algorithm { parameters.append(.init("algorithm", algorithm, quoted: !AuthSyntax.isToken(algorithm))) }
        if offersQOP { parameters.append(.init("qop", "auth")) }
        if let opaque { parameters.append(.init("opaque", opaque)) }
        if stale { parameters.append(.init("stale", "TRUE", quoted: false)) }
        return AuthHeaderValue(scheme: "Digest", parameters: parameters)
    }

    public var serialized: String { headerValue.serialized }

    /// Reads a Digest challenge back (for clients and tests). `nonce` is required.
    public init(_ value: AuthHeaderValue) throws(AuthHeaderError) {
        guard value.hasScheme("Digest") else { throw .wrongScheme(value.scheme) }
        guard let realm = value["realm"] else { throw .missingParameter("realm") }
        guard let nonce = value["nonce"] else { throw .missingParameter("nonce") }
        // `qop` is a quoted list of options (RFC 7616 §3.3); this server only offers `auth`.
        let qopOptions = value["qop"].map { $0.split(separator: ",").map { String($0).trimmingWhitespace } } ?? []
        self.init(
            realm: realm, nonce: nonce, algorithm: value["algorithm"],
            offersQOP: qopOptions.contains { AuthSyntax.equalsIgnoringCase($0, "auth") },
            stale: value["stale"].map { AuthSyntax.equalsIgnoringCase($0, "true") } ?? false,
            opaque: value["opaque"])
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, AuthSyntax.isWhitespace(bytes[start]) { start += 1 }
        while end > start, AuthSyntax.isWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
