import RTSP

extension ProxySource {
    /// The keys a proxy camera adds to a camera entry.
    static let keys = ["source", "source_transport", "gop_cache", "reconnect", "outage"]
    static let reconnectKeys = ["initial", "max"]
    /// Longest reconnect delay or outage window accepted: one day.
    static let longestSeconds = 86_400.0

    /// Reads the proxy keys of a camera entry; nil when it has no `source:` (then the
    /// other proxy keys are reported as out of place). A proxy camera relays its source,
    /// so the keys that describe a picture or a sound of its own are reported too: it
    /// relays the source's video only, and an `audio:` would be silently left out.
    static func decode(_ map: YAMLMapping) -> ProxySource? {
        guard let field = map["source"] else {
            for key in keys.dropFirst() where map.has(key) {
                map[key]?.fail("'\(key)' only applies to a proxy camera, one with a 'source:' URL")
            }
            return nil
        }
        for key in ["scene", "streams", "recording", "audio"] where map.has(key) {
            map[key]?.fail("a proxy camera relays its 'source:' and has no '\(key)' of its own; remove one of them")
        }
        guard let text = field.string(expected: "an rtsp:// URL") else { return nil }
        var source: ProxySource
        do throws(RTSPURLError) {
            var url = try RTSPURL.parse(text)
            guard url.host != nil, url.scheme == "rtsp" || url.scheme == "rtsps" else {
                field.fail("expected an rtsp:// or rtsps:// URL with a host, e.g. rtsp://user:pass@10.0.0.7/stream1")
                return nil
            }
            let credentials = url.userInfo.map(Self.splitUserInfo)
            url.userInfo = nil
            source = ProxySource(url: url.serialized, user: credentials?.user, password: credentials?.password)
        } catch {
            // The error would repeat the URL, password and all: say what is wrong without it.
            field.fail("not a usable RTSP URL (\(Self.describe(error))), e.g. rtsp://user:pass@10.0.0.7/stream1")
            return nil
        }
        if let field = map["source_transport"], let text = field.string(expected: "udp, tcp or http") {
            if let transport = ProxyTransport(rawValue: text.lowercased()) {
                source.transport = transport
            } else {
                field.fail("expected udp, tcp or http, found '\(text)'")
            }
        }
        if let field = map["gop_cache"], let value = field.bool() { source.gopCache = value }
        if let field = map["reconnect"], let reconnect = field.mapping(allowedKeys: reconnectKeys) {
            if let field = reconnect["initial"], let value = seconds(field, positive: true) {
                source.reconnectInitialSeconds = value
            }
            if let field = reconnect["max"], let value = seconds(field, positive: true) {
                source.reconnectMaxSeconds = value
            }
            if source.reconnectMaxSeconds < source.reconnectInitialSeconds {
                (reconnect["max"] ?? reconnect["initial"] ?? field).fail(
                    "reconnect 'max' (\(source.reconnectMaxSeconds)s) must be at least 'initial' (\(source.reconnectInitialSeconds)s)")
            }
        }
        if let field = map["outage"], let value = seconds(field, positive: false) { source.outageSeconds = value }
        return source
    }

    /// `0.5s`, `30s`, `2m`, `250ms` or plain seconds, within a day.
    private static func seconds(_ field: YAMLField, positive: Bool) -> Double? {
        guard let text = field.string(expected: "a duration") else { return nil }
        guard let duration = RecordingDuration(parsing: text) else {
            field.fail("'\(text)' is not a duration: use units h, m, s or ms, e.g. 10s or 500ms")
            return nil
        }
        let seconds = Double(duration.nanoseconds) / 1e9
        if positive && seconds <= 0 || seconds > longestSeconds {
            field.fail("'\(text)' must be \(positive ? "greater than 0" : "at least 0") and at most 24h")
            return nil
        }
        return seconds
    }

    /// `user[:password]`, percent-decoded (RFC 3986 §3.2.1).
    static func splitUserInfo(_ userInfo: String) -> (user: String, password: Secret?) {
        guard let colon = userInfo.firstIndex(of: ":") else { return (percentDecoded(userInfo), nil) }
        let user = percentDecoded(String(userInfo[..<colon]))
        let password = percentDecoded(String(userInfo[userInfo.index(after: colon)...]))
        return (user, Secret(password))
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An `RTSPURLError` named without the URL text it carries.
    private static func describe(_ error: RTSPURLError) -> String {
        switch error {
        case .empty: "empty"
        case .tooLong(_, let limit): "longer than \(limit) characters"
        case .tooManySegments(_, let limit): "more than \(limit) path segments"
        case .unsupportedScheme: "the scheme is not rtsp or rtsps"
        case .notAbsolute: "not an absolute rtsp:// URL"
        case .missingHost: "no host"
        case .invalidHost: "the host is not valid"
        case .invalidPort: "the port is not valid"
        case .invalidPercentEncoding: "a '%' escape is not valid"
        }
    }
}
