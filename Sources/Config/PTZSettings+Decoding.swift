import PTZ
import Yams

extension PTZSettings {
    /// The keys of a camera's `ptz:` block.
    static let keys = ["canvas", "max_zoom", "speed", "home", "presets"]
    /// The keys of a position (`home:`, each preset).
    static let positionKeys = ["pan", "tilt", "zoom"]

    /// Decodes `ptz: {canvas, max_zoom, speed, home, presets}` (`ptz: {}` for the defaults);
    /// each problem is reported at its field, and nil returned when there was one.
    static func decode(_ field: YAMLField) -> PTZSettings? {
        if field.isNull { return PTZSettings() }
        guard let map = field.mapping(allowedKeys: keys) else { return nil }
        let before = map.collector.problems.count
        var settings = PTZSettings()
        func number(_ key: String, _ range: ClosedRange<Double>) -> Double? {
            guard let field = map[key], let value = field.double() else { return nil }
            guard range.contains(value) else {
                field.fail("'\(key)' must be \(Limits.format(range.lowerBound)) to \(Limits.format(range.upperBound)), got \(Limits.format(value))")
                return nil
            }
            return value
        }
        if let value = number("canvas", canvasRange) { settings.canvas = value }
        if let value = number("max_zoom", maxZoomRange) { settings.maxZoom = value }
        if let value = number("speed", speedRange) { settings.speed = value }
        if let field = map["home"], let home = position(field) { settings.home = home }
        if let field = map["presets"] {
            if case .mapping(let mapping) = field.node {
                if mapping.count > maxPresets { field.fail("at most \(maxPresets) presets") }
                for (keyNode, value) in mapping {
                    guard let name = keyNode.scalar?.string, !name.isEmpty, name.count <= maxPresetNameLength,
                          !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
                    else {
                        field.collector.report(
                            "a preset name is 1 to \(maxPresetNameLength) characters, none of them control characters",
                            at: keyNode.mark, path: field.path)
                        continue
                    }
                    let entry = YAMLField(node: value, path: field.path.appending(name), collector: field.collector)
                    if let position = position(entry) {
                        settings.presets.append(PTZPreset(token: name, name: name, position: position))
                    }
                }
            } else {
                field.typeMismatch(expected: "a mapping of preset names to {pan, tilt, zoom}")
            }
        }
        return map.collector.problems.count == before ? settings : nil
    }

    /// `{pan, tilt, zoom}`: pan and tilt -1 to 1, zoom 0 to 1, each 0 when left out.
    private static func position(_ field: YAMLField) -> PTZVector? {
        guard let map = field.mapping(allowedKeys: positionKeys) else { return nil }
        var position = PTZVector.origin
        var valid = true
        for (key, range) in [("pan", PTZVector.panTiltRange), ("tilt", PTZVector.panTiltRange), ("zoom", PTZVector.zoomRange)] {
            guard let field = map[key] else { continue }
            guard let value = field.double() else {
                valid = false
                continue
            }
            guard range.contains(value) else {
                field.fail("'\(key)' must be \(Limits.format(range.lowerBound)) to \(Limits.format(range.upperBound)), got \(Limits.format(value))")
                valid = false
                continue
            }
            switch key {
            case "pan": position.pan = value
            case "tilt": position.tilt = value
            default: position.zoom = value
            }
        }
        return valid ? position : nil
    }

    /// The mapping as `decode` reads it; defaults are left out.
    func yamlNode() -> Node {
        var pairs: [(String, Node)] = []
        let defaults = PTZSettings()
        if canvas != defaults.canvas { pairs.append(("canvas", Node(Limits.format(canvas)))) }
        if maxZoom != defaults.maxZoom { pairs.append(("max_zoom", Node(Limits.format(maxZoom)))) }
        if speed != defaults.speed { pairs.append(("speed", Node(Limits.format(speed)))) }
        if home != defaults.home { pairs.append(("home", Self.node(home))) }
        if !presets.isEmpty { pairs.append(("presets", Node(presets.map { (Node($0.name), Self.node($0.position)) }))) }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }

    private static func node(_ position: PTZVector) -> Node {
        Node([
            (Node("pan"), Node(Limits.format(position.pan))), (Node("tilt"), Node(Limits.format(position.tilt))),
            (Node("zoom"), Node(Limits.format(position.zoom))),
        ])
    }
}
