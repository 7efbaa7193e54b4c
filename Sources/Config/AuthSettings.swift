/// `server.auth`: the defaults of every camera's authentication.
public struct AuthSettings: Sendable, Hashable {
    /// The realm of the challenges (RFC 7616 §3.3).
    public var realm: String
    /// The mode of cameras that give none; nil means `digest` once users exist.
    public var mode: AuthModeSetting?
    /// Seconds a nonce stays fresh; an answer to an older one gets `stale=TRUE`.
    public var nonceLifetimeSeconds: Int

    public static let defaultRealm = "camsim"
    public static let nonceLifetimeRange = 1...86_400

    public init(realm: String = AuthSettings.defaultRealm, mode: AuthModeSetting? = nil, nonceLifetimeSeconds: Int = 60) {
        self.realm = realm
        self.mode = mode
        self.nonceLifetimeSeconds = nonceLifetimeSeconds
    }

    static let keys = ["realm", "mode", "nonce_lifetime"]

    init(field: YAMLField) {
        self.init()
        guard let map = field.mapping(allowedKeys: Self.keys) else { return }
        if let field = map["realm"], let value = Self.decodeRealm(field) { realm = value }
        if let field = map["mode"] { mode = AuthModeSetting.decode(field) }
        if let field = map["nonce_lifetime"], let value = field.int() {
            if Self.nonceLifetimeRange.contains(value) {
                nonceLifetimeSeconds = value
            } else {
                field.fail("nonce_lifetime must be \(Self.nonceLifetimeRange.lowerBound)–\(Self.nonceLifetimeRange.upperBound) seconds")
            }
        }
    }

    /// Longest realm accepted.
    static let maximumRealmLength = 128

    /// A realm: printable ASCII without `"` or `\`, so it is written in a challenge as is.
    static func decodeRealm(_ field: YAMLField) -> String? {
        guard let text = field.string() else { return nil }
        guard !text.isEmpty, text.utf8.count <= maximumRealmLength,
              text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
        else {
            field.fail("a realm is 1–\(maximumRealmLength) printable ASCII characters without quotes or backslashes")
            return nil
        }
        return text
    }
}
