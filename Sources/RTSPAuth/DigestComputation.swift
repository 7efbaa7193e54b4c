/// The digest `response` (RFC 7616 §3.4.1, RFC 2617 §3.2.2.1, RFC 2069 §2.1.2):
///
///     A1       = username ":" realm ":" password
///     HA1      = H(A1)                                   (MD5, SHA-256)
///              = H(H(A1) ":" nonce ":" cnonce)           (-sess)
///     HA2      = H(method ":" uri)                       (qop=auth, or none)
///     response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)   (with qop)
///              = H(HA1 ":" nonce ":" HA2)                (RFC 2069, no qop)
///
/// `uri` is the `uri` parameter the client sent, not the request line.
public struct DigestComputation: Hashable, Sendable {
    public var algorithm: DigestAlgorithm
    public var username: String
    public var realm: String
    public var nonce: String
    public var method: String
    public var uri: String
    /// `qop`, `nc` and `cnonce` together, or nil for the RFC 2069 form.
    public var qop: (qop: String, nc: String, cnonce: String)?
    /// The cnonce for a `-sess` HA1 when there is no qop (RFC 2617 allows it).
    public var sessionCnonce: String?

    public init(
        algorithm: DigestAlgorithm, username: String, realm: String, nonce: String, method: String, uri: String,
        qop: (qop: String, nc: String, cnonce: String)? = nil, sessionCnonce: String? = nil
    ) {
        self.algorithm = algorithm
        self.username = username
        self.realm = realm
        self.nonce = nonce
        self.method = method
        self.uri = uri
        self.qop = qop
        self.sessionCnonce = sessionCnonce
    }

    /// The response for `password`, or nil when a `-sess` algorithm has no cnonce.
    public func response(password: String) -> String? {
        let h = algorithm.hash
        var ha1 = h("\(username):\(realm):\(password)")
        if algorithm.isSession {
            guard let cnonce = qop?.cnonce ?? sessionCnonce else { return nil }
            ha1 = h("\(ha1):\(nonce):\(cnonce)")
        }
        let ha2 = h("\(method):\(uri)")
        if let qop {
            return h("\(ha1):\(nonce):\(qop.nc):\(qop.cnonce):\(qop.qop):\(ha2)")
        }
        return h("\(ha1):\(nonce):\(ha2)")
    }

    public static func == (lhs: DigestComputation, rhs: DigestComputation) -> Bool {
        lhs.algorithm == rhs.algorithm && lhs.username == rhs.username && lhs.realm == rhs.realm
            && lhs.nonce == rhs.nonce && lhs.method == rhs.method && lhs.uri == rhs.uri
            && lhs.qop?.qop == rhs.qop?.qop && lhs.qop?.nc == rhs.qop?.nc && lhs.qop?.cnonce == rhs.qop?.cnonce
            && lhs.sessionCnonce == rhs.sessionCnonce
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(algorithm)
        hasher.combine(username)
        hasher.combine(nonce)
        hasher.combine(uri)
    }
}
