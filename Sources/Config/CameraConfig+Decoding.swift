/// A camera as decoded, with the line of the entry it came from (for duplicate reports).
struct DecodedCamera {
    var config: CameraConfig
    var field: YAMLField
}

extension CameraConfig {
    static let entryKeys = ["path", "name", "template", "count"] + CameraSettings.keys + ProxySource.keys

    /// Decodes one `cameras:` entry: a single camera, or a template of `count` cameras.
    ///
    /// Returns no cameras when the entry has a problem (all of them reported).
    static func decodeEntry(
        _ field: YAMLField,
        defaults: CameraSettings,
        faultNames: Set<String>
    ) -> [DecodedCamera] {
        guard let map = field.mapping(allowedKeys: entryKeys) else { return [] }
        let before = map.collector.problems.count

        let settings = CameraSettings(map: map, faultNames: faultNames).over(defaults)
        let source = ProxySource.decode(map)
        let pathField = decodePathField(map)
        let isTemplate = decodeIsTemplate(map)
        var count = 1
        if let countField = map["count"], let value = countField.int() {
            if let message = Limits.templateCount(value) { countField.fail(message) } else { count = value }
        }
        if isTemplate, !map.has("count") {
            map.fail("a template needs 'count', the number of cameras to create")
        }

        var paths: [String] = []
        var template: String?
        if let pathField, let pattern = pathField.string() {
            paths = expandPaths(pattern: pattern, count: count, isTemplate: isTemplate, field: pathField)
            if isTemplate { template = CameraPath.normalized(pattern) }
        }

        guard map.collector.problems.count == before else { return [] }
        return paths.enumerated().map { index, path in
            var config = settings.camera(path: path, seedOffset: UInt64(index))
            config.source = source
            config.template = template.map { CameraTemplate(pattern: $0, index: index) }
            // A proxy relays its source's video only: an `audio:` from the defaults is not its own.
            if source != nil { config.audio = nil }
            return DecodedCamera(config: config, field: pathField ?? field)
        }
    }

    /// `path:`, or its synonym `name:`.
    private static func decodePathField(_ map: YAMLMapping) -> YAMLField? {
        switch (map["path"], map["name"]) {
        case (.some(let path), .some(let name)):
            name.fail("'name' is another spelling of 'path'; give only one")
            return path
        case (.some(let field), nil), (nil, .some(let field)):
            return field
        case (nil, nil):
            map.fail("a camera needs a 'path'")
            return nil
        }
    }

    /// `template: true`, or a `count:` without `template:`.
    private static func decodeIsTemplate(_ map: YAMLMapping) -> Bool {
        guard let field = map["template"] else { return map.has("count") }
        let value = field.bool() ?? true
        if !value, let count = map["count"] {
            count.fail("'count' is only valid in a template; remove it or set 'template: true'")
        }
        return value
    }

    private static func expandPaths(pattern: String, count: Int, isTemplate: Bool, field: YAMLField) -> [String] {
        guard isTemplate else {
            let path = CameraPath.normalized(pattern)
            if path.contains("{") || path.contains("}") {
                field.fail("placeholders such as {n} are only expanded in templates; add 'count'")
                return []
            }
            if let message = CameraPath.problem(path) { field.fail(message); return [] }
            return [path]
        }
        let name: TemplateName
        do {
            name = try TemplateName(pattern: CameraPath.normalized(pattern))
        } catch {
            switch error {
            case .unclosedBrace:
                field.fail("template name '\(pattern)' has a '{' without a matching '}'")
            case .unknownPlaceholder(let body):
                field.fail("unknown placeholder '{\(body)}' in template name; use {n}, {n:02}, {i} or {i:02}")
            }
            return []
        }
        if count > 1, !name.hasPlaceholder {
            field.fail(
                "template name '\(pattern)' needs {n} or {i} so its \(count) cameras get different paths",
                suggestion: "e.g. '\(pattern)-{n:02}'"
            )
            return []
        }
        let paths = (0..<count).map(name.expand(index:))
        if let bad = paths.lazy.compactMap(CameraPath.problem).first {
            field.fail(bad)
            return []
        }
        return paths
    }
}
