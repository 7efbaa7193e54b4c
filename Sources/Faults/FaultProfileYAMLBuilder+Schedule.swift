import Foundation
import Spelling
import Yams

/// Schedules and timelines, and the profile names they may apply.
extension FaultProfileYAMLBuilder {
    mutating func schedule(_ node: Node, _ key: String) -> FaultSchedule? {
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

    mutating func timeline(_ node: Node, _ key: String) -> [TimelineEntry]? {
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

    mutating func checkProfileName(_ name: String, _ node: Node, _ key: String) -> Bool {
        if FaultPresets.named[name] != nil { return true }
        guard let knownProfiles else { return true }
        if knownProfiles.contains(name) { return true }
        let candidates = knownProfiles.sorted() + FaultPresets.names
        fail(node, key, "fault profile '\(name)' is not defined under 'faults:' or built in",
             suggestion: Spelling.didYouMean(name, in: candidates))
        return false
    }
}
