import RTSP
import RTSPAuth

/// The client's side of RTSP authentication (RFC 2326 §16, RFC 7617, RFC 7616): picks the
/// strongest challenge of a 401 it can answer (Digest SHA-256, then MD5, then their `-sess`
/// variants, then Basic) and writes the Authorization header of every later request.
/// Digest responses are computed by RTSPAuth's `DigestComputation`; `qop=auth` is used
/// when offered (with a counting `nc` and a fresh cnonce), else RFC 2069's form. The
/// password never leaves this type except inside a hashed response or a Basic header.
struct ClientAuthorization: Sendable {
    enum Scheme: Sendable {
        case basic
        case digest(DigestChallenge, DigestAlgorithm)
    }

    let username: String
    let password: String
    private(set) var scheme: Scheme?
    private var nonceCount: UInt32 = 0

    init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// Adopts the best challenge among the WWW-Authenticate values; false when none is usable.
    mutating func adopt(challenges values: [String]) -> Bool {
        let challenges = values.flatMap { (try? AuthHeaderValue.parseChallenges($0)) ?? [] }
        let digests: [(DigestChallenge, DigestAlgorithm)] = challenges.compactMap { value in
            guard value.hasScheme("Digest"), let challenge = try? DigestChallenge(value),
                  let algorithm = DigestAlgorithm(parameter: challenge.algorithm)
            else { return nil }
            return (challenge, algorithm)
        }
        let preference: [DigestAlgorithm] = [.sha256, .md5, .sha256Session, .md5Session]
        for algorithm in preference {
            if let match = digests.first(where: { $0.1 == algorithm }) {
                scheme = .digest(match.0, match.1)
                nonceCount = 0
                return true
            }
        }
        if challenges.contains(where: { $0.hasScheme("Basic") }) {
            scheme = .basic
            return true
        }
        return false
    }

    /// The Authorization header value for a request, or nil before a challenge was adopted.
    /// `uri` is the request URI, as the digest's `uri` parameter (RFC 7616 §3.4).
    mutating func header(method: RTSPMethod, uri: String, cnonce: () -> String) -> String? {
        switch scheme {
        case nil:
            return nil
        case .basic:
            return BasicCredentials(username: username, password: password).serialized
        case .digest(let challenge, let algorithm):
            guard let nonce = challenge.nonce else { return nil }
            var qop: (qop: String, nc: String, cnonce: String)?
            var nc: UInt32?
            var clientNonce: String?
            if challenge.offersQOP || algorithm.isSession { clientNonce = cnonce() }
            if challenge.offersQOP, let clientNonce {
                nonceCount &+= 1
                nc = nonceCount
                let digits = String(nonceCount, radix: 16)
                qop = ("auth", String(repeating: "0", count: DigestCredentials.ncDigits - digits.count) + digits, clientNonce)
            }
            let computation = DigestComputation(
                algorithm: algorithm, username: username, realm: challenge.realm, nonce: nonce, method: method.name,
                uri: uri, qop: qop, sessionCnonce: clientNonce)
            guard let response = computation.response(password: password) else { return nil }
            return DigestCredentials(
                username: username, realm: challenge.realm, nonce: nonce, uri: uri, response: response,
                algorithm: challenge.algorithm, opaque: challenge.opaque, qop: qop == nil ? nil : "auth", nc: nc,
                cnonce: clientNonce
            ).serialized
        }
    }
}
