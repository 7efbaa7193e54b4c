import Spelling
import Yams

extension AudioConfig {
    static let signalKeys = ["tone", "beep", "silence", "noise", "sweep"]
    static let keys = ["codec", "rate", "channels"] + signalKeys
    static let toneKeys = ["freq", "level_dbfs"]
    static let beepKeys = ["freq", "level_dbfs", "duration_ms", "period_ms"]
    static let noiseKeys = ["seed", "level_dbfs"]
    static let sweepKeys = ["from", "to", "seconds", "level_dbfs"]
    static let levels = -96.0...0.0

    /// Decodes an `audio:` mapping; every problem is reported at its field, nil when there was one.
    static func decode(_ field: YAMLField) -> AudioConfig? {
        guard let map = field.mapping(allowedKeys: keys) else { return nil }
        let before = map.collector.problems.count
        var config = AudioConfig()
        if let codecField = map["codec"], let text = codecField.string(expected: "an audio codec") {
            if let codec = Codec(rawValue: text.lowercased()) {
                config.codec = codec
            } else {
                let names = Codec.allCases.map(\.rawValue)
                codecField.fail(
                    "unknown audio codec '\(text)'; use \(names.joined(separator: ", "))",
                    suggestion: Spelling.didYouMean(text.lowercased(), in: names))
            }
        }
        let codec = config.codec
        let name = codec == .aac ? "AAC" : "G.711"
        config.rate = codec.rates[0]
        if let rateField = map["rate"], let rate = rateField.int() {
            if codec.rates.contains(rate) {
                config.rate = rate
            } else {
                let rates = codec.rates.sorted().map(String.init).joined(separator: ", ")
                rateField.fail("\(name) is sampled at \(codec.rates.count == 1 ? "" : "one of ")\(rates) Hz, not \(rate)")
            }
        }
        if let channelsField = map["channels"], let channels = channelsField.int() {
            if codec.channels.contains(channels) {
                config.channels = channels
            } else if codec.channels.count == 1 {
                channelsField.fail("\(name) is sent with 1 channel, not \(channels)")
            } else {
                channelsField.fail("\(name) is sent with 1 or 2 channels, not \(channels)")
            }
        }
        let given = signalKeys.filter { map.has($0) }
        if given.count > 1 {
            map[given[1]]?.fail("one signal per track: '\(given[0])' and '\(given[1])' are both given")
        } else if let key = given.first, let signalField = map[key] {
            config.signal = decodeSignal(key, signalField, nyquist: Double(config.rate) / 2)
        } else if map.collector.problems.count == before, let key = signalKeys.first(where: { map.hasNull($0) }) {
            // `beep:` or `silence:` with nothing after the colon: the signal with its defaults.
            config.signal = decodeSignal(key, nil, nyquist: Double(config.rate) / 2)
        }
        guard map.collector.problems.count == before else { return nil }
        return config
    }

    /// A signal mapping (`{}` or nothing for the defaults; `silence` also takes `true`).
    private static func decodeSignal(_ key: String, _ field: YAMLField?, nyquist: Double) -> Signal? {
        if key == "silence" {
            if let field, !field.isEmptyMapping, field.bool() != true {
                field.fail("'silence' takes no settings: write silence: {} or silence: true")
                return nil
            }
            return .silence
        }
        let allowed = ["tone": toneKeys, "beep": beepKeys, "noise": noiseKeys, "sweep": sweepKeys][key]!
        let map = field?.mapping(allowedKeys: allowed)
        if field != nil, map == nil { return nil }
        var good = true
        func number(_ name: String, _ fallback: Double, _ range: ClosedRange<Double>, _ describe: String) -> Double {
            guard let valueField = map?[name], let value = valueField.double() else { return fallback }
            guard range.contains(value) else {
                valueField.fail("\(describe), not \(Limits.format(value))")
                good = false
                return fallback
            }
            return value
        }
        let audible = 1.0...(nyquist - 1)
        let below = "from 1 to \(Limits.format(nyquist - 1)) Hz (below half the \(Limits.format(nyquist * 2)) Hz sample rate)"
        let level = number("level_dbfs", key == "beep" ? -6 : key == "noise" ? -30 : -20, levels, "a level from -96 to 0 dBFS")
        let signal: Signal
        switch key {
        case "tone":
            signal = .tone(frequency: number("freq", 1000, audible, "a tone frequency \(below)"), levelDBFS: level)
        case "beep":
            signal = .beep(
                frequency: number("freq", 1000, audible, "a beep frequency \(below)"), levelDBFS: level,
                durationMs: number("duration_ms", 100, 1...10_000, "a beep duration from 1 to 10000 ms"),
                periodMs: number("period_ms", 1000, 10...60_000, "a beep period from 10 to 60000 ms"))
            if case .beep(_, _, let duration, let period) = signal, duration >= period {
                map?["duration_ms"]?.fail("the beep (\(Limits.format(duration)) ms) must be shorter than its period (\(Limits.format(period)) ms)")
                good = false
            }
        case "noise":
            var seed: UInt64 = 0
            if let seedField = map?["seed"], let value = seedField.uint64() { seed = value }
            signal = .noise(seed: seed, levelDBFS: level)
        default:
            signal = .sweep(
                from: number("from", 100, audible, "a sweep start \(below)"),
                to: number("to", min(4000, nyquist - 1), audible, "a sweep end \(below)"),
                seconds: number("seconds", 5, 0.1...3600, "a sweep length from 0.1 to 3600 seconds"),
                levelDBFS: level)
        }
        return good ? signal : nil
    }

    /// The mapping as `decode` reads it.
    func yamlNode() -> Node {
        var pairs: [(String, Node)] = [
            ("codec", Node(codec.rawValue)), ("rate", Node(String(rate))), ("channels", Node(String(channels))),
        ]
        func mapping(_ values: [(String, Double)]) -> Node {
            Node(values.map { (Node($0.0), Node(Limits.format($0.1))) })
        }
        switch signal {
        case nil:
            break
        case .tone(let frequency, let level):
            pairs.append(("tone", mapping([("freq", frequency), ("level_dbfs", level)])))
        case .beep(let frequency, let level, let duration, let period):
            pairs.append(("beep", mapping([
                ("freq", frequency), ("level_dbfs", level), ("duration_ms", duration), ("period_ms", period),
            ])))
        case .silence:
            pairs.append(("silence", Node([(Node, Node)]())))
        case .noise(let seed, let level):
            pairs.append(("noise", Node([(Node("seed"), Node(String(seed))), (Node("level_dbfs"), Node(Limits.format(level)))])))
        case .sweep(let from, let to, let seconds, let level):
            pairs.append(("sweep", mapping([("from", from), ("to", to), ("seconds", seconds), ("level_dbfs", level)])))
        }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}

extension YAMLField {
    /// An empty mapping, `{}`.
    var isEmptyMapping: Bool {
        if case .mapping(let mapping) = node { return mapping.isEmpty }
        return false
    }
}
