import RTSP

extension MulticastSettings {
    static let keys = ["range", "ports", "ttl", "interface"]

    /// Decodes `server.multicast`; every problem is reported and the default kept in its place.
    init(field: YAMLField) {
        self.init()
        guard let map = field.mapping(allowedKeys: MulticastSettings.keys) else { return }
        if let field = map["range"], let text = field.string(expected: "a multicast range such as 239.255.42.0/24") {
            do {
                range = try MulticastRange.parse(text)
            } catch {
                field.fail(error.message)
            }
        }
        if let field = map["ports"], let text = field.string(expected: "a port range such as 40000-40999") {
            do {
                ports = try PortRange.parse(text)
            } catch {
                field.fail(error.message)
            }
        }
        if let field = map["ttl"], let value = field.int() {
            if (1...255).contains(value) { ttl = value } else { field.fail("ttl must be between 1 and 255, got \(value)") }
        }
        if let field = map["interface"], let value = field.string(expected: "an IPv4 address or an interface name") {
            if value.isEmpty { field.fail("interface must not be empty") } else { interface = value }
        }
    }
}

extension MulticastEndpoint {
    static let keys = ["group", "port"]

    /// Decodes a stream's `multicast: {group, port}`; nil on any problem (reported).
    init?(field: YAMLField) {
        guard let map = field.mapping(allowedKeys: MulticastEndpoint.keys) else { return nil }
        var group: IPv4Address?
        var port: Int?
        if let field = map["group"], let text = field.string(expected: "a multicast group such as 239.255.42.10") {
            if let address = IPv4Address(parsing: text), address.isMulticast {
                group = address
            } else {
                field.fail("'\(text)' is not an IPv4 multicast group (224.0.0.0 to 239.255.255.255)")
            }
        } else if !map.has("group") {
            map.fail("a stream's multicast needs 'group'")
        }
        if let field = map["port"], let value = field.int() {
            if value < 1024 || value > 65534 || value % 2 != 0 {
                field.fail("multicast port must be even and between 1024 and 65534 (RTP even, RTCP the next), got \(value)")
            } else {
                port = value
            }
        } else if !map.has("port") {
            map.fail("a stream's multicast needs 'port'")
        }
        guard let group, let port else { return nil }
        self.init(group: group, port: port)
    }
}
