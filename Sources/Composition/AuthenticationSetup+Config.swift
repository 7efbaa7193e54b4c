import Config
import RTSPAuth
import Server

extension AuthenticationSetup {
    /// The users and `server.auth` of a configuration.
    public init(_ config: CamsimConfig) {
        self.init(
            users: config.users.map { AuthUser(name: $0.name, password: $0.password.revealed, cameras: $0.cameras) },
            defaultMode: config.server.auth.mode.map(AuthMode.init),
            realm: config.server.auth.realm,
            nonceLifetime: Int64(config.server.auth.nonceLifetimeSeconds) * 1_000_000_000)
    }
}

extension AuthMode {
    init(_ setting: AuthModeSetting) {
        switch setting {
        case .none: self = .none
        case .basic: self = .basic
        case .digest: self = .digest
        case .digestSHA256: self = .digestSHA256
        case .digestAndBasic: self = .digestAndBasic
        }
    }
}

extension CameraAuthentication {
    /// A camera's `auth:`.
    init(_ auth: CameraAuth?) {
        self.init(mode: auth?.mode.map(AuthMode.init), realm: auth?.realm)
    }
}
