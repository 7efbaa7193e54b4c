import Config
import ONVIF
import RTSPAuth
import Synchronization

/// The credential checks every ONVIF request shares: the UsernameToken verifier, so a
/// token accepted on one connection is refused as a replay on any other, and the HTTP
/// Digest authenticator (RFC 7616, the RTSP server's state machine), whose nonce counts
/// and failures are shared by every port the services answer on.
final class ONVIFSecurity: Sendable {
    private let verifier = Mutex(UsernameTokenVerifier())
    private let http = Mutex(Authenticator(users: []))

    /// Nonces are bound to a client key; Hummingbird does not tell the handler the peer's
    /// address, so every client shares this one (a nonce is still only good if this
    /// process signed it, and only for its lifetime).
    static let nonceClient = "onvif"

    func verify(_ token: UsernameToken, passwords: [String: String], now: Int64) -> Result<String, UsernameTokenVerifier.Rejection> {
        verifier.withLock { $0.verify(token, passwords: passwords, now: now) }
    }

    /// The decision on an HTTP `Authorization` (nil: none was sent, so a challenge) for
    /// `camera` under `policy`, against the configuration's users.
    func authenticateHTTP(
        authorization: String?, method: String, requestURI: String, camera: String, users: [AuthUser],
        policy: AuthPolicy, now: Int64
    ) -> AuthDecision {
        http.withLock { authenticator in
            authenticator.setUsers(users)
            let request = Authenticator.Request(
                method: method, authorization: authorization, client: Self.nonceClient, camera: camera, requestURI: requestURI)
            let target = DigestURI(requestURI)
            return authenticator.authenticate(request, policy: policy, at: now) { uri in
                target.map { uri.namesSameResource(as: $0) } ?? false
            }
        }
    }

    /// The authentication policy of `camera` (its `auth:` mode and realm, else `server.auth`'s;
    /// `digest` when neither names one), nil when it asks for no credentials.
    static func policy(for camera: CameraConfig, config: CamsimConfig) -> AuthPolicy? {
        guard !config.users.isEmpty else { return nil }
        let mode: AuthMode = switch camera.auth?.mode ?? config.server.auth.mode ?? .digest {
        case .none: .none
        case .basic: .basic
        case .digest: .digest
        case .digestSHA256: .digestSHA256
        case .digestAndBasic: .digestAndBasic
        }
        guard mode != .none else { return nil }
        return AuthPolicy(
            mode: mode, realm: camera.auth?.realm ?? config.server.auth.realm,
            nonceLifetime: Int64(config.server.auth.nonceLifetimeSeconds) * 1_000_000_000)
    }

    /// The users of `config` as the authenticator takes them.
    static func users(of config: CamsimConfig) -> [AuthUser] {
        config.users.map { AuthUser(name: $0.name, password: $0.password.revealed, cameras: $0.cameras) }
    }
}
