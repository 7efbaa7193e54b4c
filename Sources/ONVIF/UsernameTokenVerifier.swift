import ConstantTime
import Crypto
import Foundation

/// Checks WS-Security UsernameTokens against the users' passwords (ONVIF Core, "Security";
/// OASIS WSS UsernameToken Profile 1.0 §3.1–§4) and remembers the nonces it accepted, so
/// a captured token cannot be sent again. A struct whose clock is passed in: the server
/// keeps one behind a lock.
///
/// - A digest must carry a Nonce and a Created time; Created must lie within
///   ``allowedSkew`` of now (either way), and a Nonce and Created pair accepted once is
///   refused for as long as it could still be fresh (§4, "nonce cache").
/// - Passwords and digests are compared in constant time (``ConstantTime``).
/// - The nonce cache holds at most ``maxRemembered`` pairs; when it is full of pairs still
///   fresh, new tokens are refused rather than an old pair forgotten.
public struct UsernameTokenVerifier: Sendable {
    /// Why a token was refused; every case is answered with `ter:NotAuthorized`.
    public enum Rejection: Error, Equatable, Sendable, CustomStringConvertible {
        /// Unknown user or wrong password: one case, so the answer does not tell which.
        case badCredentials
        case missingNonceOrCreated
        case badNonce
        case badCreated
        case createdOutsideWindow
        case replayed
        case cacheFull

        public var description: String {
            switch self {
            case .badCredentials: "Sender not authorized"
            case .missingNonceOrCreated: "a PasswordDigest needs a Nonce and a Created time"
            case .badNonce: "the Nonce is not Base64 of 1 to 64 bytes"
            case .badCreated: "the Created time is not an xs:dateTime"
            case .createdOutsideWindow: "the Created time is outside the allowed clock skew; read GetSystemDateAndTime and adjust"
            case .replayed: "this Nonce and Created pair was already used"
            case .cacheFull: "too many recent tokens; try again shortly"
            }
        }
    }

    /// How far Created may be from the device's clock, either way, in nanoseconds.
    public var allowedSkew: Int64
    public var maxRemembered: Int
    /// Nonce + Created pairs accepted, with the time after which they are stale.
    private var seen: [String: Int64] = [:]

    public static let defaultAllowedSkew: Int64 = 300 * 1_000_000_000

    public init(allowedSkew: Int64 = defaultAllowedSkew, maxRemembered: Int = 65_536) {
        self.allowedSkew = allowedSkew
        self.maxRemembered = maxRemembered
    }

    /// Pairs remembered now (for tests).
    public var rememberedCount: Int { seen.count }

    /// The user `token` authenticates, given `passwords` by user name and `now` (wall-clock
    /// nanoseconds since 1970), or why it does not.
    public mutating func verify(_ token: UsernameToken, passwords: [String: String], now: Int64) -> Result<String, Rejection> {
        // An unknown user is checked against an empty password, so the work is the same.
        let known = passwords[token.username]
        let password = known ?? ""
        var freshness: (key: String, expiry: Int64)?
        if token.passwordType == .digest || token.nonce != nil || token.created != nil {
            guard let nonceText = token.nonce, let created = token.created else { return .failure(.missingNonceOrCreated) }
            guard let nonce = Data(base64Encoded: nonceText), (1...64).contains(nonce.count) else { return .failure(.badNonce) }
            guard let createdAt = XSDateTime.parse(created) else { return .failure(.badCreated) }
            guard abs(now - createdAt) <= allowedSkew else { return .failure(.createdOutsideWindow) }
            freshness = (nonceText + "|" + created, createdAt + allowedSkew)
            if token.passwordType == .digest {
                let digest = Self.digest(nonce: nonce, created: created, password: password)
                guard known != nil, ConstantTime.equal(Array(digest.utf8), token.password.utf8) else {
                    return .failure(.badCredentials)
                }
            }
        }
        if token.passwordType == .text {
            guard known != nil, ConstantTime.equal(Array(password.utf8), token.password.utf8) else {
                return .failure(.badCredentials)
            }
        }
        if let freshness {
            if let expiry = seen[freshness.key], expiry >= now { return .failure(.replayed) }
            if seen.count >= maxRemembered { seen = seen.filter { $0.value >= now } }
            guard seen.count < maxRemembered else { return .failure(.cacheFull) }
            seen[freshness.key] = freshness.expiry
        }
        return .success(token.username)
    }

    /// Base64(SHA-1(nonce + created + password)) (WSS UsernameToken Profile 1.0 §3.1).
    public static func digest(nonce: Data, created: String, password: String) -> String {
        var hash = Insecure.SHA1()
        hash.update(data: nonce)
        hash.update(data: Data(created.utf8))
        hash.update(data: Data(password.utf8))
        return Data(hash.finalize()).base64EncodedString()
    }
}
