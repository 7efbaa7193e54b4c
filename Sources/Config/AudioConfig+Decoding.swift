import Spelling
import Yams

extension AudioConfig {
    static let keys = ["codec", "rate", "channels", "tone"]
    static let toneKeys = ["freq", "level_dbfs"]
    /// Tone frequencies accepted: audible and below the Nyquist frequency of 8 kHz sampling.
    static let toneFrequencies = 1.0...3999.0
    static let toneLevels = -96.0...0.0

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
                    "unknown audio codec '\(text)'; use \(names.joined(separator: " or "))",
                    suggestion: Spelling.didYouMean(text.lowercased(), in: names))
            }
        }
        if let rateField = map["rate"], let rate = rateField.int() {
            if rate == 8000 { config.rate = rate } else { rateField.fail("G.711 is sampled at 8000 Hz, not \(rate)") }
        }
        if let channelsField = map["channels"], let channels = channelsField.int() {
            if channels == 1 { config.channels = channels } else { channelsField.fail("G.711 is sent with 1 channel, not \(channels)") }
        }
        if let toneField = map["tone"], let tone = decodeTone(toneField) { config.signal = tone }
        guard map.collector.problems.count == before else { return nil }
        return config
    }

    private static func decodeTone(_ field: YAMLField) -> Signal? {
        guard let map = field.mapping(allowedKeys: toneKeys) else { return nil }
        var frequency = 1000.0, level = -20.0
        var good = true
        if let freqField = map["freq"], let value = freqField.double() {
            if toneFrequencies.contains(value) { frequency = value } else {
                freqField.fail("a tone frequency from 1 to 3999 Hz (below half the 8 kHz sample rate), not \(value)")
                good = false
            }
        }
        if let levelField = map["level_dbfs"], let value = levelField.double() {
            if toneLevels.contains(value) { level = value } else {
                levelField.fail("a level from -96 to 0 dBFS, not \(value)")
                good = false
            }
        }
        return good ? .tone(frequency: frequency, levelDBFS: level) : nil
    }

    /// The mapping as `decode` reads it.
    func yamlNode() -> Node {
        var pairs: [(String, Node)] = [
            ("codec", Node(codec.rawValue)), ("rate", Node(String(rate))), ("channels", Node(String(channels))),
        ]
        switch signal {
        case .tone(let frequency, let level):
            pairs.append(("tone", Node([
                (Node("freq"), Node(Limits.format(frequency))), (Node("level_dbfs"), Node(Limits.format(level))),
            ])))
        }
        return Node(pairs.map { (Node($0.0), $0.1) })
    }
}
