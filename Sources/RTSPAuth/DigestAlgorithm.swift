import Crypto

/// The digest algorithms of RFC 7616 §3.2 (and RFC 2617's MD5 and MD5-sess). A `-sess`
/// variant hashes the password once more with the nonce and cnonce (§3.4.2).
public enum DigestAlgorithm: String, Hashable, Sendable, CaseIterable {
    case md5 = "MD5"
    case md5Session = "MD5-sess"
    case sha256 = "SHA-256"
    case sha256Session = "SHA-256-sess"

    /// The algorithm an `algorithm` parameter names (case-insensitive); a missing
    /// parameter means MD5 (RFC 7616 §3.3). Nil for one this server does not know.
    public init?(parameter: String?) {
        guard let parameter else {
            self = .md5
            return
        }
        guard let match = Self.allCases.first(where: { AuthSyntax.equalsIgnoringCase($0.rawValue, parameter) }) else {
            return nil
        }
        self = match
    }

    public var isSession: Bool { self == .md5Session || self == .sha256Session }

    /// The hash without the session variant: what the challenge's family is.
    public var base: DigestAlgorithm { self == .md5Session ? .md5 : self == .sha256Session ? .sha256 : self }

    /// `H(text)` in lower-case hexadecimal (RFC 7616 §3.4.1).
    public func hash(_ text: String) -> String {
        switch base {
        case .sha256: AuthSyntax.hex(SHA256.hash(data: Array(text.utf8)))
        default: AuthSyntax.hex(Insecure.MD5.hash(data: Array(text.utf8)))
        }
    }
}
