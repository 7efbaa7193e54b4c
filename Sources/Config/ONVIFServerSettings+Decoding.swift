extension ONVIFServerSettings {
    static let keys = ["ports", "discovery"]
    static let discoveryKeys = ["enabled", "interface"]

    /// Decodes `server.onvif`; every problem is reported and the default kept in its place.
    init(field: YAMLField) {
        self.init()
        guard let map = field.mapping(allowedKeys: ONVIFServerSettings.keys) else { return }
        if let field = map["ports"], let text = field.string(expected: "a port range such as 18000-18999") {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, let first = Int(parts[0].trimmingCharacters(in: .whitespaces)),
               let last = Int(parts[1].trimmingCharacters(in: .whitespaces)),
               (1...65535).contains(first), (1...65535).contains(last), first <= last {
                ports = first...last
            } else {
                field.fail("expected a port range such as 18000-18999 (ports 1–65535, the first not above the last), got '\(text)'")
            }
        }
        if let field = map["discovery"] {
            if case .scalar = field.node {
                if let enabled = field.bool() { discovery.enabled = enabled }
            } else if let map = field.mapping(allowedKeys: ONVIFServerSettings.discoveryKeys) {
                if let field = map["enabled"], let value = field.bool() { discovery.enabled = value }
                if let field = map["interface"], let value = field.string(expected: "an IPv4 address or an interface name") {
                    if value.isEmpty { field.fail("interface must not be empty") } else { discovery.interface = value }
                }
            }
        }
    }
}
