import Foundation
import Spelling
import Yams

/// Turns a YAML mapping into a ``FaultProfile``.
struct FaultProfileYAMLBuilder {
    var reader: FaultYAMLReader
    let knownProfiles: Set<String>?

    mutating func fail(_ node: Node?, _ key: String, _ message: String, suggestion: String? = nil) {
        reader.fail(node, key, message, suggestion: suggestion)
    }

    static func join(_ path: String, _ key: String) -> String {
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
                         suggestion: Spelling.didYouMean(name, in: FaultPresets.names))
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
            let isCollection = value.mapping != nil || value.sequence != nil
            if isCollection, FaultKeys.structured.contains(name) {
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

    mutating func structured(_ name: String, _ value: Node, _ key: String, into profile: inout FaultProfile) {
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
}
