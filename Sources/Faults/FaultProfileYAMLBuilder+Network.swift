import Foundation
import Yams

/// The network faults written as mappings: burst loss, reordering, corruption, bandwidth.
extension FaultProfileYAMLBuilder {
    mutating func burstLoss(_ node: Node, _ key: String) -> GilbertElliottParameters? {
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

    /// The mapping form; the scalar form (a probability) is one of `FaultKeys.scalar`.
    mutating func reorder(_ node: Node, _ key: String) -> ReorderSpec? {
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

    /// The mapping form; the scalar form (a probability) is one of `FaultKeys.scalar`.
    mutating func corrupt(_ node: Node, _ key: String) -> CorruptionSpec? {
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

    /// The mapping form; the scalar form (a bit rate) is one of `FaultKeys.scalar`.
    mutating func bandwidth(_ node: Node, _ key: String) -> BandwidthSpec? {
        let expected = "a bit rate like 2mbit or {rate: 2mbit, burst: 16KB, queue: 100ms}"
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
}
