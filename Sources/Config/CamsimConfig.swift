/// A complete, validated camsim configuration.
public struct CamsimConfig: Sendable, Equatable {
    /// Server-wide settings.
    public var server: ServerSettings
    /// Cameras in file order, templates expanded; paths are unique.
    public var cameras: [CameraConfig]
    /// Fault profiles defined in the file, by name, as uninterpreted YAML.
    public var faultProfiles: [String: InlineYAML]

    public init(
        server: ServerSettings = ServerSettings(),
        cameras: [CameraConfig] = [],
        faultProfiles: [String: InlineYAML] = [:]
    ) {
        self.server = server
        self.cameras = cameras
        self.faultProfiles = faultProfiles
    }

    /// The camera served at `path` (with or without a leading slash).
    public func camera(at path: String) -> CameraConfig? {
        let path = CameraPath.normalized(path)
        return cameras.first { $0.path == path }
    }
}
