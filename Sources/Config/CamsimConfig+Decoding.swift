import Yams

extension CamsimConfig {
    static let keys = ["server", "faults", "defaults", "cameras", "users"]

    /// Decodes a whole document, reporting every problem to the field's collector.
    ///
    /// `knownFaultProfiles` are profile names that count as defined even though
    /// the document does not define them (built-in presets).
    init(root: YAMLField, knownFaultProfiles: Set<String>) {
        self.init()
        if root.isNull { return }
        guard let map = root.mapping(allowedKeys: CamsimConfig.keys) else { return }

        if let field = map["server"] { server = ServerSettings(field: field) }
        if let field = map["faults"] { faultProfiles = CamsimConfig.decodeFaultProfiles(field) }
        if let field = map["users"] { users = CamsimConfig.decodeUsers(field) }

        let faultNames = knownFaultProfiles.union(faultProfiles.keys)
        var defaults = CameraSettings()
        if let field = map["defaults"], let defaultsMap = field.mapping(allowedKeys: CameraSettings.keys) {
            defaults = CameraSettings(map: defaultsMap, faultNames: faultNames)
        }

        if let field = map["cameras"], let entries = field.sequence() {
            let decoded = entries.flatMap {
                CameraConfig.decodeEntry($0, defaults: defaults, faultNames: faultNames)
            }
            CamsimConfig.reportDuplicatePaths(decoded)
            cameras = decoded.map(\.config)
        }
    }

    /// `faults:` maps profile names to definitions that this module keeps as text.
    private static func decodeFaultProfiles(_ field: YAMLField) -> [String: InlineYAML] {
        guard case .mapping(let mapping) = field.node else {
            field.typeMismatch(expected: "a mapping of fault profile names to definitions")
            return [:]
        }
        var profiles: [String: InlineYAML] = [:]
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.scalar?.string, !name.isEmpty else {
                field.collector.report("fault profile names must be non-empty words",
                                       at: keyNode.mark, path: field.path)
                continue
            }
            let value = YAMLField(node: valueNode, path: field.path.appending(name), collector: field.collector)
            if value.isNull {
                value.fail("fault profile '\(name)' has no definition")
                continue
            }
            profiles[name] = InlineYAML(field: value)
        }
        return profiles
    }

    /// Reports each camera whose path was already used, naming both lines.
    private static func reportDuplicatePaths(_ cameras: [DecodedCamera]) {
        var firstLine: [String: Int] = [:]
        for camera in cameras {
            let line = camera.field.mark?.line ?? 0
            if let first = firstLine[camera.config.path] {
                camera.field.fail(
                    "duplicate camera path '\(camera.config.path)': first defined at line \(first), again at line \(line)"
                )
            } else {
                firstLine[camera.config.path] = line
            }
        }
    }
}
