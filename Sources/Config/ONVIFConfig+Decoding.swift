import Yams

extension ONVIFConfig {
    /// Decodes `onvif: {manufacturer, model, firmware, serial, hardware_id, scopes}`; each
    /// problem is reported at its field, and nil returned when there was one.
    static func decode(_ field: YAMLField) -> ONVIFConfig? {
        guard let map = field.mapping(allowedKeys: keys) else { return nil }
        let before = map.collector.problems.count
        var config = ONVIFConfig()
        func text(_ key: String) -> String? {
            guard let field = map[key], let value = field.string() else { return nil }
            guard let problem = problem(value) else { return value }
            field.fail("'\(key)' \(problem)")
            return nil
        }
        if let value = text("manufacturer") { config.manufacturer = value }
        if let value = text("model") { config.model = value }
        if let value = text("firmware") { config.firmware = value }
        if let value = text("serial") { config.serial = value }
        if let value = text("hardware_id") { config.hardwareId = value }
        if let field = map["scopes"], let entries = field.sequence() {
            if entries.count > maxScopes { field.fail("at most \(maxScopes) scopes") }
            for entry in entries {
                guard let scope = entry.string(expected: "a scope URI") else { continue }
                if !scope.hasPrefix(scopePrefix) || scope.count == scopePrefix.count {
                    entry.fail("a scope is a URI starting with '\(scopePrefix)', e.g. '\(scopePrefix)location/lobby'")
                } else if let problem = problem(scope) {
                    entry.fail("scope \(problem)")
                } else {
                    config.scopes.append(scope)
                }
            }
        }
        return map.collector.problems.count == before ? config : nil
    }

    /// Why a value cannot be sent, nil when it can: 1–128 characters, none of them control
    /// characters.
    private static func problem(_ value: String) -> String? {
        if value.isEmpty || value.count > maxLength { return "must be 1 to \(maxLength) characters" }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "must not contain control characters"
        }
        return nil
    }

    /// The mapping as `decode` reads it; defaults are left out.
    func yamlNode() -> Node {
        var pairs: [(String, Node)] = []
        if manufacturer != Self.defaultManufacturer { pairs.append(("manufacturer", Node(manufacturer))) }
        if model != Self.defaultModel { pairs.append(("model", Node(model))) }
        if firmware != Self.defaultFirmware { pairs.append(("firmware", Node(firmware))) }
        if let serial { pairs.append(("serial", Node(serial))) }
        if hardwareId != Self.defaultHardwareId { pairs.append(("hardware_id", Node(hardwareId))) }
        if !scopes.isEmpty { pairs.append(("scopes", Node(scopes.map { Node($0) }))) }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}
