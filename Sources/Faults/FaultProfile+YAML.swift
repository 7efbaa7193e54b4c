import Foundation
import Yams

extension FaultProfile {
    /// Parses a profile written in YAML (the body of one entry of `faults:`, or
    /// a camera's inline fault mapping).
    ///
    /// `file` and `line` say where the text starts, so problems point into the
    /// configuration file. All problems are reported together. Names used by
    /// `preset:` and by schedule `apply:` entries must be presets, or in
    /// `knownProfiles` when that is given (nil accepts any name for `apply:`).
    ///
    /// See `Configs/faults-demo.yaml` for every key.
    public static func parse(
        yaml: String, file: String, line: Int, knownProfiles: Set<String>? = nil
    ) throws(FaultProfileError) -> FaultProfile {
        var reader = FaultYAMLReader(file: file, baseLine: line)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw FaultProfileError(problems: [Self.syntaxProblem(error, file: file, baseLine: line)])
        }
        guard let root, !FaultYAMLReader.isNull(root) else { return .empty }
        var builder = FaultProfileYAMLBuilder(reader: reader, knownProfiles: knownProfiles)
        let profile = builder.profile(from: root, path: "")
        reader = builder.reader
        if !reader.problems.isEmpty { throw FaultProfileError(problems: reader.problems) }
        return profile
    }

    static func syntaxProblem(_ error: Error, file: String, baseLine: Int) -> FaultProblem {
        var line: Int?
        var message = "not valid YAML"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                line = baseLine + mark.line - 1
                message = "not valid YAML: \(problem)"
            default:
                message = "not valid YAML: \(yamlError)"
            }
        }
        return FaultProblem(file: file, line: line, key: "(document)", message: message)
    }
}

/// Turns a YAML mapping into a ``FaultProfile``.
struct FaultProfileYAMLBuilder {
    var reader: FaultYAMLReader
    let knownProfiles: Set<String>?

    private mutating func fail(_ node: Node?, _ key: String, _ message: String, suggestion: String? = nil) {
        reader.fail(node, key, message, suggestion: suggestion)
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    mutating func profile(from node: Node, path: String) -> FaultProfile {
        guard let entries = reader.mapping(node, path, allowed: FaultKeys.allYAML,
                                           expected: "a mapping of fault settings", strict: false) else { return .empty }
        var profile = FaultProfile.empty
        if let (_, presetNode) = entries.first(where: { $0.0 == "preset" }) {
            let key = Self.join(path, "preset")
            if let name = reader.scalar(presetNode, key, expected: "a preset name") {
                if let preset = FaultPresets.named[name] {
                    profile = preset
                } else {
                    fail(presetNode, key, "unknown preset '\(name)'",
                         suggestion: FaultSuggestion.didYouMean(name, in: FaultPresets.names))
                }
            }
        }
        var deferred: [(String, Node)] = []
        for (name, value) in entries where name != "preset" {
            let key = Self.join(path, name)
            if name == "queue" || name == "bucket" {
                deferred.append((name, value))
                continue
            }
            if case .mapping = value, FaultKeys.structured.contains(name) {
                structured(name, value, key, into: &profile)
            } else if case .sequence = value, FaultKeys.structured.contains(name) {
                structured(name, value, key, into: &profile)
            } else if let scalarKey = FaultKeys.scalarByName[name] {
                guard let text = reader.scalar(value, key, expected: scalarKey.expected) else { continue }
                if !scalarKey.apply(&profile, text, false) {
                    fail(value, key, "expected \(scalarKey.expected), got '\(text)'")
                }
            } else {
                structured(name, value, key, into: &profile)
            }
        }
        for (name, value) in deferred {
            let key = Self.join(path, name)
            guard var spec = profile.network.bandwidth else {
                fail(value, key, "'\(name)' needs 'bandwidth'")
                continue
            }
            if name == "queue" {
                guard let limit = reader.value(value, key, expected: "a duration like 100ms or a size like 64KB",
                                               FaultValues.queue) else { continue }
                spec.queue = limit
            } else {
                guard let bytes = reader.value(value, key, expected: "a size like 1500 or 16KB",
                                               FaultValues.bytes) else { continue }
                spec.burst = bytes
            }
            profile.network.bandwidth = spec
        }
        return profile
    }

    private mutating func structured(_ name: String, _ value: Node, _ key: String, into profile: inout FaultProfile) {
        switch name {
        case "burst_loss": profile.network.burstLoss = burstLoss(value, key)
        case "reorder": if let spec = reorder(value, key) { profile.network.reorder = spec }
        case "corrupt": if let spec = corrupt(value, key) { profile.network.corrupt = spec }
        case "bandwidth": if let spec = bandwidth(value, key) { profile.network.bandwidth = spec }
        case "outage":
            if let window = reader.window(value, key, needsDuration: true) { profile.network.outage = window }
        case "freeze":
            if let window = reader.window(value, key, needsDuration: true) { profile.media.freeze = window }
        case "frozen_picture":
            if let window = reader.window(value, key, needsDuration: true) { profile.media.frozenPicture = window }
        case "resolution_change": if let change = resolutionChange(value, key) { profile.media.resolutionChange = change }
        case "timestamp_jump": if let jump = timestampJump(value, key) { profile.media.timestampJump = jump }
        case "payload_type_change":
            if let change = payloadTypeChange(value, key) { profile.media.payloadTypeChange = change }
        case "reboot":
            if let window = reader.window(value, key, needsDuration: false, durationName: "down") {
                var reboot = window
                if reboot.duration == nil { reboot.duration = FaultSchedule.defaultRebootDowntime }
                profile.control.reboot = reboot
            }
        case "respond": if let overrides = respond(value, key) { profile.control.statusOverrides = overrides }
        case "deny_transport": if let kinds = denyTransport(value, key) { profile.control.deniedTransports = kinds }
        case "schedule": if let schedule = schedule(value, key) { profile.schedule = schedule }
        default:
            fail(value, key, "expected a single value")
        }
    }

    // MARK: Network

    private mutating func burstLoss(_ node: Node, _ key: String) -> GilbertElliottParameters? {
        let allowed = ["rate", "mean_burst", "p", "r", "k", "h"]
        guard let entries = reader.mapping(node, key, allowed: allowed,
                                           expected: "{rate: 2%, mean_burst: 4} or {p:, r:, k:, h:}") else { return nil }
        var values: [String: Double] = [:]
        for (name, value) in entries {
            let path = "\(key).\(name)"
            if name == "mean_burst" {
                if let burst = reader.number(value, path, 1...1_000_000) { values[name] = burst }
            } else if let probability = reader.probability(value, path) {
                values[name] = probability
            }
        }
        guard values.count == entries.count else { return nil }
        let simple = values.keys.contains("rate") || values.keys.contains("mean_burst")
        let full = values.keys.contains { ["p", "r", "k", "h"].contains($0) }
        if simple && full {
            fail(node, key, "give either rate and mean_burst, or p, r, k and h")
            return nil
        }
        if simple {
            guard let rate = values["rate"], let burst = values["mean_burst"] else {
                fail(node, key, "both 'rate' and 'mean_burst' are needed")
                return nil
            }
            guard let parameters = GilbertElliottParameters(lossRate: rate, meanBurst: burst) else {
                fail(node, key, "no Gilbert channel has loss \(rate) with bursts of \(burst) (p = rate/(burst·(1−rate)) must be ≤ 1)")
                return nil
            }
            return parameters
        }
        guard let p = values["p"], let r = values["r"] else {
            fail(node, key, "'p' and 'r' are needed ('k' defaults to 1, 'h' to 0)")
            return nil
        }
        let parameters = GilbertElliottParameters(p: p, r: r, k: values["k"] ?? 1, h: values["h"] ?? 0)
        if let problem = parameters.problem {
            fail(node, key, problem)
            return nil
        }
        return parameters
    }

    private mutating func reorder(_ node: Node, _ key: String) -> ReorderSpec? {
        if case .scalar = node {
            return reader.probability(node, key).map { ReorderSpec(probability: $0) }
        }
        guard let entries = reader.mapping(node, key, allowed: ["probability", "hold", "gap"],
                                           expected: "a percentage or {probability: 5%, hold: 20ms, gap: 0}") else { return nil }
        var spec = ReorderSpec(probability: -1)
        var ok = true
        for (name, value) in entries {
            let path = "\(key).\(name)"
            switch name {
            case "probability": if let p = reader.probability(value, path) { spec.probability = p } else { ok = false }
            case "hold":
                if let hold = reader.duration(value, path, bare: FaultTime.millisecond) { spec.hold = hold } else { ok = false }
            default: if let gap = reader.integer(value, path, 0...1_000_000) { spec.gap = gap } else { ok = false }
            }
        }
        guard ok else { return nil }
        if spec.probability < 0 {
            fail(node, key, "'probability' is required")
            return nil
        }
        return spec
    }

    private mutating func corrupt(_ node: Node, _ key: String) -> CorruptionSpec? {
        if case .scalar = node {
            return reader.probability(node, key).map { CorruptionSpec(probability: $0) }
        }
        let allowed = ["probability", "bits", "protect_header", "protected_bytes"]
        guard let entries = reader.mapping(node, key, allowed: allowed,
                                           expected: "a percentage or {probability: 1%, bits: 1, protect_header: true}") else { return nil }
        var spec = CorruptionSpec(probability: -1)
        var ok = true
        for (name, value) in entries {
            let path = "\(key).\(name)"
            switch name {
            case "probability": if let p = reader.probability(value, path) { spec.probability = p } else { ok = false }
            case "bits": if let bits = reader.integer(value, path, 1...64) { spec.bits = bits } else { ok = false }
            case "protect_header":
                if let protect = reader.bool(value, path) {
                    spec.protectedBytes = protect ? CorruptionSpec.rtpHeaderBytes : 0
                } else { ok = false }
            default:
                if let bytes = reader.integer(value, path, 0...65535) { spec.protectedBytes = bytes } else { ok = false }
            }
        }
        guard ok else { return nil }
        if spec.probability < 0 {
            fail(node, key, "'probability' is required")
            return nil
        }
        return spec
    }

    private mutating func bandwidth(_ node: Node, _ key: String) -> BandwidthSpec? {
        let expected = "a bit rate like 2mbit or {rate: 2mbit, burst: 16KB, queue: 100ms}"
        if case .scalar = node {
            return reader.value(node, key, expected: expected, FaultValues.bitrate).map { BandwidthSpec(rate: $0) }
        }
        guard let entries = reader.mapping(node, key, allowed: ["rate", "burst", "queue"], expected: expected) else {
            return nil
        }
        var rate: Int64?
        var burst: Int?
        var queue: BandwidthSpec.QueueLimit?
        var ok = true
        for (name, value) in entries {
            let path = "\(key).\(name)"
            switch name {
            case "rate":
                rate = reader.value(value, path, expected: "a bit rate like 2mbit, 500kbit or 2M", FaultValues.bitrate)
                if rate == nil { ok = false }
            case "burst":
                burst = reader.value(value, path, expected: "a size like 1500 or 16KB", FaultValues.bytes)
                if burst == nil { ok = false }
            default:
                queue = reader.value(value, path, expected: "a duration like 100ms or a size like 64KB", FaultValues.queue)
                if queue == nil { ok = false }
            }
        }
        guard ok else { return nil }
        guard let rate else {
            fail(node, key, "'rate' is required")
            return nil
        }
        return BandwidthSpec(rate: rate, burst: burst, queue: queue)
    }

    // MARK: Media

    private mutating func resolutionChange(_ node: Node, _ key: String) -> ResolutionChange? {
        guard let entries = reader.mapping(node, key, allowed: ["at", "size"],
                                           expected: "a mapping {at: 30s, size: 640x360}") else { return nil }
        var at: Int64?
        var size: (Int, Int)?
        for (name, value) in entries {
            if name == "at" {
                at = reader.duration(value, "\(key).at", bare: FaultTime.second)
            } else {
                size = reader.value(value, "\(key).size", expected: "WIDTHxHEIGHT with even sides, like 640x360",
                                    FaultValues.frameSize)
            }
        }
        guard entries.count == 2 || (at != nil && size != nil) else {
            fail(node, key, "'at' and 'size' are required")
            return nil
        }
        guard let at, let size else { return nil }
        return ResolutionChange(at: at, width: size.0, height: size.1)
    }

    private mutating func timestampJump(_ node: Node, _ key: String) -> TimestampJump? {
        guard let entries = reader.mapping(node, key, allowed: ["at", "by"],
                                           expected: "a mapping {at: 20s, by: 500ms} (by may be negative)") else { return nil }
        var at: Int64?
        var by: Int64?
        for (name, value) in entries {
            if name == "at" {
                at = reader.duration(value, "\(key).at", bare: FaultTime.second)
            } else {
                by = reader.duration(value, "\(key).by", bare: FaultTime.millisecond, allowNegative: true)
            }
        }
        guard entries.count == 2 || (at != nil && by != nil) else {
            fail(node, key, "'at' and 'by' are required")
            return nil
        }
        guard let at, let by else { return nil }
        return TimestampJump(at: at, offset: by)
    }

    private mutating func payloadTypeChange(_ node: Node, _ key: String) -> PayloadTypeChange? {
        guard let entries = reader.mapping(node, key, allowed: ["at", "payload_type"],
                                           expected: "a mapping {at: 30s, payload_type: 97}") else { return nil }
        var at: Int64?
        var type: Int?
        for (name, value) in entries {
            if name == "at" {
                at = reader.duration(value, "\(key).at", bare: FaultTime.second)
            } else {
                type = reader.integer(value, "\(key).payload_type", 0...127)
            }
        }
        guard entries.count == 2 || (at != nil && type != nil) else {
            fail(node, key, "'at' and 'payload_type' are required")
            return nil
        }
        guard let at, let type else { return nil }
        return PayloadTypeChange(at: at, payloadType: UInt8(type))
    }

    // MARK: Control

    private mutating func respond(_ node: Node, _ key: String) -> [String: Int]? {
        guard case .mapping(let mapping) = node else {
            fail(node, key, "expected a mapping of RTSP methods to status codes, like {SETUP: 503}")
            return nil
        }
        var overrides: [String: Int] = [:]
        var ok = true
        for (keyNode, value) in mapping {
            guard let method = keyNode.scalar?.string,
                  !method.isEmpty, method.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                fail(keyNode, key, "RTSP method names are words like SETUP")
                ok = false
                continue
            }
            let upper = method.uppercased()
            let path = "\(key).\(method)"
            guard Self.rtspMethods.contains(upper) else {
                fail(keyNode, path, "unknown RTSP method '\(method)'",
                     suggestion: FaultSuggestion.didYouMean(upper, in: Self.rtspMethods))
                ok = false
                continue
            }
            guard let status = reader.integer(value, path, FaultKeys.statusRange) else { ok = false; continue }
            overrides[upper] = status
        }
        return ok ? overrides : nil
    }

    /// The RTSP 1.0 methods (RFC 2326) and RTSP 2.0's PLAY_NOTIFY (RFC 7826).
    static let rtspMethods = [
        "OPTIONS", "DESCRIBE", "ANNOUNCE", "SETUP", "PLAY", "PAUSE", "TEARDOWN",
        "GET_PARAMETER", "SET_PARAMETER", "REDIRECT", "RECORD", "PLAY_NOTIFY",
    ]

    private mutating func denyTransport(_ node: Node, _ key: String) -> Set<TransportKind>? {
        let items: [Node]
        if case .sequence(let sequence) = node {
            items = Array(sequence)
        } else {
            items = [node]
        }
        var kinds = Set<TransportKind>()
        for item in items {
            guard let text = reader.scalar(item, key, expected: "udp, tcp or a list of them") else { return nil }
            for part in text.split(separator: ",") {
                let word = part.trimmingCharacters(in: .whitespaces).lowercased()
                guard let kind = TransportKind(rawValue: word) else {
                    fail(item, key, "unknown transport '\(word)'; expected udp or tcp",
                         suggestion: FaultSuggestion.didYouMean(word, in: ["udp", "tcp"]))
                    return nil
                }
                kinds.insert(kind)
            }
        }
        return kinds
    }

    // MARK: Schedule

    private mutating func schedule(_ node: Node, _ key: String) -> FaultSchedule? {
        guard let entries = reader.mapping(node, key, allowed: ["start", "duration", "every", "timeline"],
                                           expected: "a mapping {start:, duration:, every:, timeline:}") else { return nil }
        var schedule = FaultSchedule()
        var ok = true
        for (name, value) in entries {
            let path = "\(key).\(name)"
            switch name {
            case "start": if let t = reader.duration(value, path, bare: FaultTime.second) { schedule.start = t } else { ok = false }
            case "duration":
                if let t = reader.duration(value, path, bare: FaultTime.second) { schedule.duration = t } else { ok = false }
            case "every":
                if let t = reader.duration(value, path, bare: FaultTime.second), t > 0 {
                    schedule.every = t
                } else {
                    if reader.problems.last?.key != path { fail(value, path, "must be greater than 0") }
                    ok = false
                }
            default:
                if let timeline = timeline(value, path) { schedule.timeline = timeline } else { ok = false }
            }
        }
        if let every = schedule.every, let duration = schedule.duration, duration > every {
            fail(node, key, "'duration' must not be longer than 'every'")
            ok = false
        }
        return ok ? schedule : nil
    }

    private mutating func timeline(_ node: Node, _ key: String) -> [TimelineEntry]? {
        guard case .sequence(let sequence) = node else {
            fail(node, key, "expected a list of entries like {at: 10s, apply: lte, for: 20s} or {at: 45s, reboot: 10s}")
            return nil
        }
        var result: [TimelineEntry] = []
        var ok = true
        for (index, item) in sequence.enumerated() {
            let path = "\(key)[\(index)]"
            guard let entries = reader.mapping(item, path, allowed: ["at", "apply", "for", "reboot"],
                                               expected: "a mapping like {at: 10s, apply: lte, for: 20s}") else {
                ok = false
                continue
            }
            var at: Int64?
            var duration: Int64?
            var action: TimelineAction?
            for (name, value) in entries {
                let field = "\(path).\(name)"
                switch name {
                case "at": at = reader.duration(value, field, bare: FaultTime.second)
                case "for": duration = reader.duration(value, field, bare: FaultTime.second)
                case "apply":
                    guard action == nil else { fail(value, field, "give 'apply' or 'reboot', not both"); continue }
                    if let name = reader.scalar(value, field, expected: "a profile name"), checkProfileName(name, value, field) {
                        action = .apply(name)
                    }
                default:
                    guard action == nil else { fail(value, field, "give 'apply' or 'reboot', not both"); continue }
                    if case .scalar(let scalar) = value, let flag = FaultValues.bool(scalar.string) {
                        if flag { action = .reboot } else { fail(value, field, "write the downtime, like reboot: 10s") }
                    } else if let down = reader.duration(value, field, bare: FaultTime.second) {
                        action = .reboot
                        if duration == nil { duration = down }
                    }
                }
            }
            guard let at, let action else {
                if at == nil, !entries.contains(where: { $0.0 == "at" }) { fail(item, path, "'at' is required") }
                if action == nil, !entries.contains(where: { $0.0 == "apply" || $0.0 == "reboot" }) {
                    fail(item, path, "'apply' or 'reboot' is required")
                }
                ok = false
                continue
            }
            result.append(TimelineEntry(at: at, duration: duration, action: action))
        }
        return ok ? result : nil
    }

    private mutating func checkProfileName(_ name: String, _ node: Node, _ key: String) -> Bool {
        if FaultPresets.named[name] != nil { return true }
        guard let knownProfiles else { return true }
        if knownProfiles.contains(name) { return true }
        let candidates = knownProfiles.sorted() + FaultPresets.names
        fail(node, key, "fault profile '\(name)' is not defined under 'faults:' or built in",
             suggestion: FaultSuggestion.didYouMean(name, in: candidates))
        return false
    }
}
