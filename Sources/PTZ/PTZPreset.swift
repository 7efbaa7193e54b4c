/// A stored position (`tt:PTZPreset`): a token that names it in requests, a name people
/// read, and where the head goes.
public struct PTZPreset: Sendable, Equatable, Hashable {
    public var token: String
    public var name: String
    public var position: PTZVector

    public init(token: String, name: String, position: PTZVector) {
        self.token = token
        self.name = name
        self.position = position
    }
}
