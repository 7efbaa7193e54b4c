import Foundation

extension ServerSettings {
    static let keys = [
        "port", "bind", "rtp_ports", "mtu", "session_timeout", "header_timeout", "idle_timeout",
        "max_connections_per_address", "log_level", "control", "control_token", "patterns", "multicast", "tls", "onvif",
        "auth", "max_playback_sessions",
    ]

    /// Decodes the `server:` mapping; every problem is reported and the default kept in its place.
    init(field: YAMLField) {
        self.init()
        guard let map = field.mapping(allowedKeys: ServerSettings.keys) else { return }

        if let field = map["port"], let value = field.int() {
            if let message = Limits.port(value) { field.fail(message) } else { port = value }
        }
        if let field = map["bind"], let value = field.string() {
            if value.isEmpty { field.fail("bind address must not be empty") } else { bind = value }
        }
        if let field = map["rtp_ports"], let text = field.string(expected: "a port range such as 20000-20999") {
            do {
                rtpPortRange = try PortRange.parse(text)
            } catch {
                field.fail(error.message)
            }
        }
        if let field = map["mtu"], let value = field.int() {
            if let message = Limits.mtu(value) { field.fail(message) } else { mtu = value }
        }
        if let field = map["session_timeout"], let value = field.int() {
            if let message = Limits.sessionTimeout(value) { field.fail(message) } else { sessionTimeoutSeconds = value }
        }
        if let field = map["header_timeout"], let value = field.int() {
            if let message = Limits.headerTimeout(value) { field.fail(message) } else { headerTimeoutSeconds = value }
        }
        if let field = map["idle_timeout"], let value = field.int() {
            if let message = Limits.idleTimeout(value) { field.fail(message) } else { idleTimeoutSeconds = value }
        }
        if let field = map["max_connections_per_address"], let value = field.int() {
            if let message = Limits.connectionsPerAddress(value) { field.fail(message) } else { maxConnectionsPerAddress = value }
        }
        if let field = map["log_level"], let value = field.string() {
            if let problem = Limits.logLevel(value) {
                field.fail(problem.message, suggestion: problem.suggestion)
            } else {
                logLevel = value
            }
        }
        if let field = map["control"], let value = field.string(expected: "an address such as 127.0.0.1:8080, or off") {
            switch ServerSettings.controlAddress(value) {
            case .success(let address): controlAddress = address
            case .failure(let problem): field.fail(problem.message)
            }
        }
        if let field = map["control_token"], let value = field.string() {
            if let message = Limits.controlToken(value) { field.fail(message) } else { controlToken = value }
        }
        if let field = map["auth"] { auth = AuthSettings(field: field) }
        if let field = map["patterns"], let value = field.string() {
            if value.isEmpty { field.fail("patterns directory must not be empty") } else { patternsDirectory = value }
        }
        if let field = map["multicast"] { multicast = MulticastSettings(field: field) }
        if let field = map["tls"] { tls = TLSSettings(field: field) }
        if let field = map["onvif"] { onvif = ONVIFServerSettings(field: field) }
        if let field = map["max_playback_sessions"], let value = ServerSettings.decodeMaxPlaybackSessions(field) {
            maxPlaybackSessions = value
        }
    }

    struct AddressProblem: Error { let message: String }

    /// Why `token` cannot be a control token (see `server.control_token`), or nil.
    public static func controlTokenProblem(_ token: String) -> String? {
        Limits.controlToken(token)
    }

    /// Normalizes `host:port`, `[v6]:port`, or a bare port (meaning 127.0.0.1); `off` is nil.
    static func controlAddress(_ text: String) -> Result<String?, AddressProblem> {
        if text.lowercased() == "off" { return .success(nil) }
        if let port = Int(text) {
            if let message = Limits.port(port) { return .failure(AddressProblem(message: message)) }
            return .success("127.0.0.1:\(port)")
        }
        guard let colon = text.lastIndex(of: ":"),
              let port = Int(text[text.index(after: colon)...]),
              colon > text.startIndex
        else {
            return .failure(AddressProblem(message: "expected an address such as 127.0.0.1:8080, or off, found '\(text)'"))
        }
        if let message = Limits.port(port) { return .failure(AddressProblem(message: message)) }
        return .success(text)
    }
}
