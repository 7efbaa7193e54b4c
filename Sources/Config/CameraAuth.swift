/// A camera's `auth:`: a mode (`auth: digest`), or a mapping with a mode and a realm of
/// its own (`auth: {mode: basic, realm: lobby}`). What it leaves out comes from
/// `server.auth`.
public struct CameraAuth: Sendable, Hashable {
    public var mode: AuthModeSetting?
    public var realm: String?

    public init(mode: AuthModeSetting? = nil, realm: String? = nil) {
        self.mode = mode
        self.realm = realm
    }

    static let keys = ["mode", "realm"]

    init?(field: YAMLField) {
        if case .scalar = field.node {
            guard let mode = AuthModeSetting.decode(field) else { return nil }
            self.init(mode: mode)
            return
        }
        guard let map = field.mapping(allowedKeys: Self.keys) else { return nil }
        self.init()
        if let field = map["mode"] { mode = AuthModeSetting.decode(field) }
        if let field = map["realm"] { realm = AuthSettings.decodeRealm(field) }
    }
}
