import CivilDate
import Yams

extension RecordingConfig {
    /// How instants may be written, for error messages.
    static let instantForms = "an ISO 8601 instant such as 2026-11-25T10:15:00Z, an offset from now such as -24h or -1h30m, or now"

    /// Decodes a `recording:` mapping, resolving offsets against `now` (nanoseconds since
    /// the Unix epoch). Every problem is reported at its field; nil when there was one.
    static func decode(_ field: YAMLField, now: Int64) -> RecordingConfig? {
        guard let map = field.mapping(allowedKeys: keys) else { return nil }
        let before = map.collector.problems.count

        var start: Int64?
        if let startField = map["start"] {
            start = instant(startField, now: now)
        } else {
            map.fail("a recording needs a 'start': \(instantForms)")
        }
        var end = End.growing
        var endNanoseconds = now
        if let endField = map["end"], let value = instant(endField, now: now), let start {
            if value <= start {
                endField.fail("the end must come after the start (\(format(start)))")
            } else {
                endNanoseconds = value
                // `end: now` (or an offset of zero) is the growing recording.
                if RecordingInstant(parsing: endField.string() ?? "") != .now { end = .at(unixNanoseconds: value) }
            }
        }
        if let start, start >= endNanoseconds, end == .growing, map["end"] == nil {
            map["start"]?.fail("the start must be in the past (now is \(format(now)))")
        }
        var loop = false
        if let loopField = map["loop"], let value = loopField.bool() { loop = value }

        var gaps: [(gap: Gap, field: YAMLField)] = []
        if let gapsField = map["gaps"], let items = gapsField.sequence() {
            if items.count > maxGaps {
                gapsField.fail("at most \(maxGaps) gaps, found \(items.count)")
            } else if let start {
                for item in items {
                    if let gap = decodeGap(item, now: now, start: start, end: endNanoseconds) { gaps.append((gap, item)) }
                }
            }
        }
        gaps.sort { $0.gap.startNanoseconds < $1.gap.startNanoseconds }
        for (earlier, later) in zip(gaps, gaps.dropFirst()) where later.gap.startNanoseconds < earlier.gap.endNanoseconds {
            later.field.fail("overlaps the gap at \(format(earlier.gap.startNanoseconds)) to \(format(earlier.gap.endNanoseconds)); merge them into one")
        }
        guard map.collector.problems.count == before, let start else { return nil }
        return RecordingConfig(startNanoseconds: start, end: end, gaps: gaps.map(\.gap), loop: loop)
    }

    private static func decodeGap(_ field: YAMLField, now: Int64, start: Int64, end: Int64) -> Gap? {
        guard let map = field.mapping(allowedKeys: gapKeys) else { return nil }
        var at: Int64?
        if let atField = map["at"] {
            at = instant(atField, now: now)
            if let value = at, value < start || value >= end {
                atField.fail("the gap must start inside the recording, \(format(start)) to \(format(end))")
                at = nil
            }
        } else {
            map.fail("a gap needs 'at': \(instantForms)")
        }
        var duration: Int64?
        if let durationField = map["duration"], let text = durationField.string(expected: "a duration") {
            if let value = RecordingDuration(parsing: text), value.nanoseconds > 0 {
                duration = value.nanoseconds
            } else {
                durationField.fail("'\(text)' is not a duration greater than zero: use units d, h, m, s or ms, e.g. 10m or 1h30m")
            }
        } else if map["duration"] == nil {
            map.fail("a gap needs a 'duration', e.g. 10m")
        }
        guard let at, let duration else { return nil }
        if at > end - duration {
            map["duration"]?.fail("the gap runs past the end of the recording (\(format(end)))")
            return nil
        }
        return Gap(startNanoseconds: at, endNanoseconds: at + duration)
    }

    /// An instant field, reported when it cannot be read or lies in the future.
    private static func instant(_ field: YAMLField, now: Int64) -> Int64? {
        guard let text = field.string(expected: "an instant") else { return nil }
        guard let instant = RecordingInstant(parsing: text) else {
            field.fail("'\(text)' is not an instant: use \(instantForms)")
            return nil
        }
        let value = instant.resolve(now: now)
        guard value <= now else {
            field.fail("'\(text)' is in the future (now is \(format(now))); a recording ends at now at the latest")
            return nil
        }
        return value
    }

    /// An instant for messages: `2026-11-25T10:15:00Z` (milliseconds when not whole seconds).
    static func format(_ unixNanoseconds: Int64) -> String {
        let (secondsPart, nanos) = unixNanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        let seconds = nanos < 0 ? secondsPart - 1 : secondsPart
        let fraction = nanos < 0 ? nanos + 1_000_000_000 : nanos
        var days = seconds / 86_400, secondOfDay = seconds % 86_400
        if secondOfDay < 0 { days -= 1; secondOfDay += 86_400 }
        let date = CivilDate(daysSinceEpoch: days)
        let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        if fraction != 0 {
            let millis = fraction / 1_000_000
            text += "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + "\(millis)"
        }
        return text + "Z"
    }
}

extension RecordingConfig {
    /// Parses a `recording:` mapping given on its own as YAML text, reporting problems
    /// under the key path `recording` in `file`.
    public static func parse(yaml: String, file: String, now: Int64) throws(ConfigErrors) -> RecordingConfig {
        let collector = ProblemCollector(file: file, source: yaml)
        let root: Node
        do {
            root = try Yams.compose(yaml: yaml) ?? Node("", .implicit, .plain)
        } catch {
            throw ConfigErrors(problems: [ConfigLoader.syntaxProblem(error, file: file)])
        }
        let config = decode(YAMLField(node: root, path: ConfigKeyPath.root.appending("recording"), collector: collector), now: now)
        try collector.throwIfAny()
        guard let config else {
            throw ConfigErrors(problems: [ConfigProblem(file: file, line: 0, column: 0, keyPath: "recording", message: "not a recording")])
        }
        return config
    }
}
