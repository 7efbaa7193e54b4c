import Yams

extension CamsimConfig {
    /// The configuration written back as a camsim YAML document that loads to an equal
    /// configuration: every camera spelled out (templates and `defaults:` already
    /// expanded), every named fault profile, and the server settings. The control
    /// token is left out, so the text can be shown without giving the secret away.
    public func yaml() throws -> String {
        var root: [(String, Node)] = [("server", server.yamlNode)]
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
        ]
        if let patternsDirectory { pairs.append(("patterns", Node(patternsDirectory))) }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}

extension CameraConfig {
    func yamlNode() throws -> Node {
        var pairs: [(String, Node)] = [
            ("path", Node(path)),
            ("scene", try scene.yamlNode()),
            ("streams", Node(streams.map(\.yamlNode))),
            ("on_demand", Node(onDemand ? "true" : "false")),
            ("idle_stop", Node(Limits.format(idleStopSeconds))),
            ("faults", Node(try faults.map { try $0.yamlNode() })),
        ]
        if let seed { pairs.append(("seed", Node(String(seed)))) }
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
            ("width", Node(String(width))),
            ("height", Node(String(height))),
            ("fps", Node(Limits.format(fps))),
        ]
        switch rateControl {
        case .bitrate(let kbps): pairs.append(("bitrate", Node("\(kbps)k")))
        case .crf(let value): pairs.append(("crf", Node(Limits.format(value))))
        }
        pairs += [
            ("gop", Node(String(gop))),
            ("profile", Node(profile.rawValue)),
            ("preset", Node(preset)),
            ("tune", Node(tune ?? "none")),
        ]
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}
