import RTSPAuth

/// A camera's own `auth:` setting: its mode and realm, each nil to take the server's.
public struct CameraAuthentication: Sendable, Hashable {
    public var mode: AuthMode?
    public var realm: String?

    public init(mode: AuthMode? = nil, realm: String? = nil) {
        self.mode = mode
        self.realm = realm
    }
}

/// The server's authentication settings: the users, the mode of cameras that name none,
/// the realm and the nonce lifetime. With no users nothing is challenged.
public struct AuthenticationSetup: Sendable {
    public var users: [AuthUser]
    /// Nil means `digest`.
    public var defaultMode: AuthMode?
    public var realm: String
    public var nonceLifetime: Int64

    public init(
        users: [AuthUser] = [], defaultMode: AuthMode? = nil, realm: String = "camsim",
        nonceLifetime: Int64 = AuthPolicy.defaultNonceLifetime
    ) {
        self.users = users
        self.defaultMode = defaultMode
        self.realm = realm
        self.nonceLifetime = nonceLifetime
    }
}
