/// A WS-Security UsernameToken (OASIS WSS UsernameToken Profile 1.0 §3.1) as read from a
/// request's `wsse:Security` header block: the user, the password or its digest, and the
/// nonce and creation time a digest is made over.
public struct UsernameToken: Sendable, Equatable {
    /// `wsse:Password/@Type`; PasswordText when absent (§3.1).
    public enum PasswordType: Sendable, Equatable {
        case text
        /// Base64(SHA-1(nonce + created + password)) (§3.1).
        case digest
    }

    public var username: String
    public var password: String
    public var passwordType: PasswordType
    /// The `wsse:Nonce` as sent (Base64, the profile's only encoding in use).
    public var nonce: String?
    /// The `wsu:Created` text as sent: the digest is over these characters exactly.
    public var created: String?

    public init(username: String, password: String, passwordType: PasswordType, nonce: String? = nil, created: String? = nil) {
        self.username = username
        self.password = password
        self.passwordType = passwordType
        self.nonce = nonce
        self.created = created
    }

    static let digestType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
    static let textType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"

    /// Why a header could not be read as a token.
    public enum ReadError: Error, Equatable, Sendable {
        case missingUsername
        case missingPassword
        case unknownPasswordType(String)
        case tooLong
    }

    /// Longest username, password, nonce or created text accepted.
    static let maxFieldLength = 256

    /// The first UsernameToken of the `wsse:Security` blocks in `headers`; nil when there is none.
    public static func find(in headers: [XMLNode]) throws(ReadError) -> UsernameToken? {
        for block in headers where block.name == XMLName(SOAPNamespace.wsse, "Security") {
            if let token = block.child("UsernameToken", in: SOAPNamespace.wsse) { return try read(token) }
        }
        return nil
    }

    static func read(_ node: XMLNode) throws(ReadError) -> UsernameToken {
        guard let username = node.child("Username", in: SOAPNamespace.wsse)?.trimmedText, !username.isEmpty else {
            throw ReadError.missingUsername
        }
        guard let passwordNode = node.child("Password", in: SOAPNamespace.wsse) else { throw ReadError.missingPassword }
        let type: PasswordType
        switch passwordNode.attributes[XMLName("", "Type")] {
        case nil, textType: type = .text
        case digestType: type = .digest
        case let other?: throw ReadError.unknownPasswordType(other)
        }
        let nonce = node.child("Nonce", in: SOAPNamespace.wsse)?.trimmedText
        let created = node.child("Created", in: SOAPNamespace.wsu)?.trimmedText
        let fields = [username, passwordNode.text, nonce ?? "", created ?? ""]
        guard fields.allSatisfy({ $0.utf8.count <= maxFieldLength }) else { throw ReadError.tooLong }
        return UsernameToken(
            username: username, password: type == .digest ? passwordNode.trimmedText : passwordNode.text,
            passwordType: type, nonce: nonce, created: created)
    }
}
