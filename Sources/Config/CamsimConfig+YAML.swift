import Yams

extension CamsimConfig {
    /// The configuration written back as a camsim YAML document that loads to an equal
    /// configuration: every camera spelled out (templates and `defaults:` already
    /// expanded), every named fault profile, the users and the server settings. No
    /// secret is written, so the text can be shown without giving one away: the control
    /// token is left out, and a user's password is named by its `password_env` or
    /// `password_file`; a password given inline becomes `password_env:
    /// CAMSIM_PASSWORD_<NAME>` (see ``UserConfig/passwordVariable``).
    public func yaml() throws -> String {
        var root: [(String, Node)] = [("server", server.yamlNode)]
        if !users.isEmpty { root.append(("users", Node(users.map(\.yamlNode)))) }
        if !faultProfiles.isEmpty {
            let profiles = try faultProfiles.sorted { $0.key < $1.key }.map { name, yaml in
                (Node(name), try yaml.node())
            }
            root.append(("faults", Node(profiles)))
        }
        root.append(("cameras", Node(try cameras.map { try $0.yamlNode() })))
        return try Yams.serialize(node: Node(root.map { (Node($0.0), $0.1) }), sortKeys: false)
    }
}

extension InlineYAML {
    /// The carried text as a node again.
    func node() throws -> Node {
        try Yams.compose(yaml: text) ?? Node("~", Tag(.null))
    }
}

extension ServerSettings {
    var yamlNode: Node {
        var pairs: [(String, Node)] = [
            ("port", Node(String(port))), ("bind", Node(bind)),
        ]
        if let rtpPortRange { pairs.append(("rtp_ports", Node("\(rtpPortRange.lowerBound)-\(rtpPortRange.upperBound)"))) }
        pairs += [
            ("mtu", Node(String(mtu))),
            ("session_timeout", Node(String(sessionTimeoutSeconds))),
            ("header_timeout", Node(String(headerTimeoutSeconds))),
            ("idle_timeout", Node(String(idleTimeoutSeconds))),
            ("max_connections_per_address", Node(String(maxConnectionsPerAddress))),
            ("log_level", Node(logLevel)),
            ("control", Node(controlAddress ?? "off")),
            ("max_playback_sessions", Node(String(maxPlaybackSessions))),
        ]
        if let patternsDirectory { pairs.append(("patterns", Node(patternsDirectory))) }
        if let multicast {
            var group: [(String, Node)] = [
                ("range", Node(multicast.range.description)),
                ("ports", Node("\(multicast.ports.lowerBound)-\(multicast.ports.upperBound)")),
                ("ttl", Node(String(multicast.ttl))),
            ]
            if let interface = multicast.interface { group.append(("interface", Node(interface))) }
            pairs.append(("multicast", Node(group.map { (Node($0.0), $0.1) })))
        }
        if onvif != ONVIFServerSettings() {
            var settings: [(String, Node)] = []
            if let ports = onvif.ports { settings.append(("ports", Node("\(ports.lowerBound)-\(ports.upperBound)"))) }
            var discovery: [(String, Node)] = [("enabled", Node(onvif.discovery.enabled ? "true" : "false"))]
            if let interface = onvif.discovery.interface { discovery.append(("interface", Node(interface))) }
            settings.append(("discovery", Node(discovery.map { (Node($0.0), $0.1) })))
            pairs.append(("onvif", Node(settings.map { (Node($0.0), $0.1) })))
        }
        if let tls {
            var listener: [(String, Node)] = [("port", Node(String(tls.port)))]
            if let path = tls.certificatePath { listener.append(("cert", Node(path))) }
            if let path = tls.keyPath { listener.append(("key", Node(path))) }
            pairs.append(("tls", Node(listener.map { (Node($0.0), $0.1) })))
        }
        var auth: [(String, Node)] = [
            ("realm", Node(self.auth.realm)), ("nonce_lifetime", Node(String(self.auth.nonceLifetimeSeconds))),
        ]
        if let mode = self.auth.mode { auth.append(("mode", Node(mode.rawValue))) }
        pairs.append(("auth", Node(auth.map { (Node($0.0), $0.1) })))
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}

extension CameraConfig {
    func yamlNode() throws -> Node {
        var pairs: [(String, Node)] = [("path", Node(path))]
        if let source {
            pairs += source.yamlPairs
        } else {
            pairs += [("scene", try scene.yamlNode()), ("streams", Node(streams.map(\.yamlNode)))]
        }
        pairs += [
            ("on_demand", Node(onDemand ? "true" : "false")),
            ("idle_stop", Node(Limits.format(idleStopSeconds))),
            ("faults", Node(try faults.map { try $0.yamlNode() })),
        ]
        if let seed { pairs.append(("seed", Node(String(seed)))) }
        // The recording as written, so `-24h` stays relative to the next start.
        if let recordingText, let node = try Yams.compose(yaml: recordingText) { pairs.append(("recording", node)) }
        if let audio { pairs.append(("audio", audio.yamlNode())) }
        if onvif != ONVIFConfig() { pairs.append(("onvif", onvif.yamlNode())) }
        if events != CameraEventsConfig() { pairs.append(("events", events.yamlNode())) }
        if let ptz { pairs.append(("ptz", ptz.yamlNode())) }
        if let auth {
            var fields: [(String, Node)] = []
            if let mode = auth.mode { fields.append(("mode", Node(mode.rawValue))) }
            if let realm = auth.realm { fields.append(("realm", Node(realm))) }
            pairs.append(("auth", Node(fields.map { (Node($0.0), $0.1) })))
        }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}

extension NamedOrInline {
    func yamlNode() throws -> Node {
        switch self {
        case .named(let name): return Node(name)
        case .inline(let yaml): return try yaml.node()
        }
    }
}

extension StreamConfig {
    var yamlNode: Node {
        var pairs: [(String, Node)] = [
            ("name", Node(name)),
            ("codec", Node(codec.rawValue)),
            ("width", Node(String(width))),
            ("height", Node(String(height))),
            ("fps", Node(Limits.format(fps))),
        ]
        switch rateControl {
        case .bitrate(let kbps): pairs.append(("bitrate", Node("\(kbps)k")))
        case .crf(let value): pairs.append(("crf", Node(Limits.format(value))))
        }
        pairs.append(("gop", Node(String(gop))))
        if codec == .h264 { pairs.append(("profile", Node(profile.rawValue))) }
        pairs += [
            ("preset", Node(preset)),
            ("tune", Node(tune ?? "none")),
        ]
        // `profile` is an H.264 setting (above), `jpeg_quality` a JPEG one.
        if codec == .jpeg { pairs.append(("jpeg_quality", Node(String(jpegQuality)))) }
        pairs.append(("mode", Node(mode.rawValue)))
        if mode == .loop { pairs.append(("loop", Node("\(Limits.format(loopSeconds))s"))) }
        if let multicast {
            pairs.append(("multicast", Node([
                (Node("group"), Node(multicast.group.description)), (Node("port"), Node(String(multicast.port))),
            ])))
        }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}

extension UserConfig {
    /// The variable a user's inline password is named by when the configuration is
    /// written back: `CAMSIM_PASSWORD_` and the name in capitals, with every character
    /// other than a letter or digit as `_`.
    public var passwordVariable: String {
        "CAMSIM_PASSWORD_" + String(name.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    var yamlNode: Node {
        var pairs: [(String, Node)] = [("name", Node(name))]
        switch passwordSource {
        case .inline: pairs.append(("password_env", Node(passwordVariable)))
        case .environment(let variable): pairs.append(("password_env", Node(variable)))
        case .file(let path): pairs.append(("password_file", Node(path)))
        }
        if !cameras.isEmpty { pairs.append(("cameras", Node(cameras.map { Node($0) }))) }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}

extension ProxySource {
    /// The proxy keys, with the user name but never the password in the URL.
    var yamlPairs: [(String, Node)] {
        var shown = url
        if let user, let range = shown.range(of: "://") {
            shown.insert(contentsOf: user + "@", at: range.upperBound)
        }
        let reconnect: [(Node, Node)] = [
            (Node("initial"), Node(Limits.format(reconnectInitialSeconds) + "s")),
            (Node("max"), Node(Limits.format(reconnectMaxSeconds) + "s")),
        ]
        return [
            ("source", Node(shown)),
            ("source_transport", Node(transport.rawValue)),
            ("gop_cache", Node(gopCache ? "true" : "false")),
            ("reconnect", Node(reconnect)),
            ("outage", Node(Limits.format(outageSeconds) + "s")),
        ]
    }
}
