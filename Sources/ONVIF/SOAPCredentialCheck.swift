/// How a request for an operation outside PRE_AUTH is authenticated (ONVIF Core, "Security":
/// a device checks WS-Security UsernameTokens and HTTP Digest, RFC 7616; a request that
/// carries neither is answered HTTP 401 with a Digest challenge, so an HTTP client learns
/// the scheme). Pure: the server passes in what the request carries.
public enum SOAPCredentialCheck: Equatable, Sendable {
    /// No credentials are asked (no users, or a camera in `auth: none`).
    case open
    /// Neither a UsernameToken nor an `Authorization` header: HTTP 401 with the challenge.
    case challenge
    /// The UsernameToken alone.
    case usernameToken
    /// The HTTP `Authorization` alone.
    case httpAuthorization
    /// Both were sent: each must pass.
    case both

    public static func decide(requiresCredentials: Bool, hasUsernameToken: Bool, hasAuthorization: Bool) -> Self {
        guard requiresCredentials else { return .open }
        switch (hasUsernameToken, hasAuthorization) {
        case (false, false): return .challenge
        case (true, false): return .usernameToken
        case (false, true): return .httpAuthorization
        case (true, true): return .both
        }
    }
}
