/// A user as `GetUsers` shows it (ONVIF Core, "Security", GetUsers; onvif.xsd tt:User):
/// the name and the user level, never the password.
public struct DeviceUser: Sendable, Equatable {
    /// tt:UserLevel.
    public enum Level: String, Sendable {
        case administrator = "Administrator"
        case `operator` = "Operator"
        case user = "User"
    }

    public var name: String
    public var level: Level

    public init(name: String, level: Level) {
        self.name = name
        self.level = level
    }
}
