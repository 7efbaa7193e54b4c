/// A complete, validated camsim configuration.
public struct CamsimConfig: Sendable, Equatable {
    /// Server-wide settings.
    public var server: ServerSettings
    /// Cameras in file order, templates expanded; paths are unique.
    public var cameras: [CameraConfig]
    /// Fault profiles defined in the file, by name, as uninterpreted YAML.
    public var faultProfiles: [String: InlineYAML]
    /// Who may watch (`users:`); empty means no camera asks for credentials.
    public var users: [UserConfig]

    public init(
        server: ServerSettings = ServerSettings(),
        cameras: [CameraConfig] = [],
        faultProfiles: [String: InlineYAML] = [:],
        users: [UserConfig] = []
    ) {
        self.server = server
        self.cameras = cameras
        self.faultProfiles = faultProfiles
        self.users = users
    }

    /// The camera served at `path` (with or without a leading slash).
    public func camera(at path: String) -> CameraConfig? {
        let path = CameraPath.normalized(path)
        return cameras.first { $0.path == path }
    }
}
