extension StreamConfig {
    static let keys = [
        "name", "codec", "size", "width", "height", "fps", "bitrate", "crf", "gop", "profile", "preset", "tune", "multicast",
        "jpeg_quality", "mode", "loop",
    ]

    /// Decodes one entry of a `streams:` list; nil if it has any problem (all reported).
    init?(field: YAMLField) {
        guard let map = field.mapping(allowedKeys: StreamConfig.keys) else { return nil }
        let before = map.collector.problems.count
        var stream = StreamConfig()

        if let field = map["name"], let name = field.string() {
            if StreamConfig.isValidName(name) {
                stream.name = name
            } else {
                field.fail("stream name must be letters, digits, '-', '_' or '.', found '\(name)'")
            }
        }

        if let field = map["codec"], let codec = VideoCodec(field: field) { stream.codec = codec }

        if let size = StreamConfig.decodeSize(map) {
            stream.width = size.width
            stream.height = size.height
        }

        var fps = stream.fps
        if let field = map["fps"], let value = field.double() {
            if let message = Limits.fps(value) { field.fail(message) } else { fps = value }
        }
        stream.fps = fps

        switch (map["bitrate"], map["crf"]) {
        case (.some, .some(let crf)):
            crf.fail("set either 'bitrate' or 'crf', not both")
        case (.some(let field), nil):
            if let kbps = Bitrate.kbps(field: field) { stream.rateControl = .bitrate(kbps: kbps) }
        case (nil, .some(let field)):
            if let value = field.double() {
                if let message = Limits.crf(value) { field.fail(message) } else { stream.rateControl = .crf(value) }
            }
        case (nil, nil):
            break
        }

        stream.gop = StreamConfig.defaultGOP(fps: fps)
        if let field = map["gop"], let value = field.int() {
            if let message = Limits.gop(value) { field.fail(message) } else { stream.gop = value }
        }

        if let field = map["profile"], let profile = H264Profile(field: field) {
            if stream.codec == .h264 {
                stream.profile = profile
            } else {
                field.fail("'profile' is an H.264 setting; a '\(stream.codec.rawValue)' stream does not take it")
            }
        }
        if let field = map["preset"], let preset = X264Options.preset(field: field) { stream.preset = preset }
        if let field = map["tune"], case .some(let tune) = X264Options.tune(field: field) {
            let foreign = (tune ?? "").split(separator: ",").filter { !X264Options.x265Tunes.contains(String($0)) }
            if stream.codec == .h265, let first = foreign.first {
                field.fail("x265 has no tune '\(first)'; for h265: \(X264Options.x265Tunes.joined(separator: " ")), or none")
            } else {
                stream.tune = tune
            }
        }
        if let field = map["multicast"], let endpoint = MulticastEndpoint(field: field) { stream.multicast = endpoint }
        stream.decodeJPEG(map)
        stream.decodeMode(map)
        if stream.mode == .loop, map["gop"] == nil { stream.gop = StreamConfig.defaultLoopGOP(fps: fps) }

        guard map.collector.problems.count == before else { return nil }
        self = stream
    }

    /// Reads `size: WxH` or `width:` + `height:`; nil when neither is given or on a problem.
    private static func decodeSize(_ map: YAMLMapping) -> FrameSize? {
        let size = map["size"], width = map["width"], height = map["height"]
        if let size {
            if width != nil || height != nil {
                size.fail("set either 'size' or 'width' and 'height', not both")
                return nil
            }
            guard let text = size.string(expected: "a size such as 1280x720") else { return nil }
            guard let parsed = FrameSize(text: text) else {
                size.fail("expected a size such as 1280x720, found '\(text)'")
                return nil
            }
            var ok = true
            for (name, value) in [("width", parsed.width), ("height", parsed.height)] {
                if let message = Limits.dimension(name, value) { size.fail(message); ok = false }
            }
            return ok ? parsed : nil
        }
        switch (width, height) {
        case (nil, nil):
            return nil
        case (.some(let field), nil), (nil, .some(let field)):
            field.fail("'width' and 'height' must be given together")
            return nil
        case (.some(let widthField), .some(let heightField)):
            let w = checkedDimension("width", widthField)
            let h = checkedDimension("height", heightField)
            guard let w, let h else { return nil }
            return FrameSize(width: w, height: h)
        }
    }

    private static func checkedDimension(_ name: String, _ field: YAMLField) -> Int? {
        guard let value = field.int() else { return nil }
        if let message = Limits.dimension(name, value) {
            field.fail(message)
            return nil
        }
        return value
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// Decodes a `streams:` list, reporting duplicate names; nil on any problem.
    static func list(field: YAMLField) -> [StreamConfig]? {
        guard let items = field.sequence() else { return nil }
        if items.isEmpty {
            field.fail("a camera needs at least one stream")
            return nil
        }
        var streams: [StreamConfig] = []
        var ok = true
        var seen: [String: Int] = [:]
        for item in items {
            guard let stream = StreamConfig(field: item) else { ok = false; continue }
            let line = item.mark?.line ?? 0
            if let first = seen[stream.name] {
                item.fail("duplicate stream name '\(stream.name)' (first at line \(first), again at line \(line))")
                ok = false
                continue
            }
            seen[stream.name] = line
            streams.append(stream)
        }
        return ok ? streams : nil
    }
}
