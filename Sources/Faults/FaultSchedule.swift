/// When a profile's faults are on, and a timeline of further events.
///
/// - The profile's own faults apply while the schedule's window is active:
///   from `start`, for `duration` (forever when nil), repeating `every` (once when nil).
/// - The timeline's entries are measured from the start of each cycle (the
///   start of the current repetition, or `start` when there is no repetition):
///   `at: 10s, apply: lte, for: 20s` layers the profile `lte` on top during
///   [10 s, 30 s) of each cycle; `at: 45s, reboot: 10s` reboots the camera, down
///   for 10 s. An entry without `for` lasts to the end of the cycle (or forever);
///   an entry never reaches past the end of its cycle. Timeline entries do not
///   depend on `duration`.
///
/// Everything here is a pure function of elapsed nanoseconds.
public struct FaultSchedule: Sendable, Equatable, Hashable {
    public var start: Int64
    public var duration: Int64?
    public var every: Int64?
    public var timeline: [TimelineEntry]

    /// Downtime of a timeline reboot that gives none: 10 s.
    public static let defaultRebootDowntime: Int64 = 10 * FaultTime.second

    public init(start: Int64 = 0, duration: Int64? = nil, every: Int64? = nil, timeline: [TimelineEntry] = []) {
        self.start = start
        self.duration = duration
        self.every = every
        self.timeline = timeline
    }

    /// The window of the profile's own faults.
    public var window: FaultWindow { FaultWindow(start: start, duration: duration, every: every) }

    /// Whether the profile's own faults apply at `elapsed`.
    public func isActive(at elapsed: Int64) -> Bool { window.isActive(at: elapsed) }

    /// Time since the current cycle began, or nil before `start`.
    private func phase(at elapsed: Int64) -> Int64? {
        FaultWindow(start: start, duration: nil, every: every).phase(at: elapsed)
    }

    private func covers(_ entry: TimelineEntry, phase: Int64) -> Bool {
        guard phase >= entry.at else { return false }
        if let every, every > 0, entry.at >= every { return false }
        let length = entry.duration ?? (entry.action == .reboot ? Self.defaultRebootDowntime : nil)
        guard let length else { return true }
        return phase < entry.at + length
    }

    /// Names of the profiles applied by timeline entries at `elapsed`, in timeline order.
    public func activeProfileNames(at elapsed: Int64) -> [String] {
        activeLayers(at: elapsed).map(\.name)
    }

    /// The timeline's `apply` entries in force at `elapsed`, in timeline order, with the
    /// profile each resolved to at load (nil when it was never resolved).
    public func activeLayers(at elapsed: Int64) -> [(name: String, profile: FaultProfile?)] {
        guard let phase = phase(at: elapsed) else { return [] }
        return timeline.compactMap { entry in
            guard case .apply(let name, let profile) = entry.action, covers(entry, phase: phase) else { return nil }
            return (name, profile)
        }
    }

    /// The first elapsed time after `elapsed` at which the window or the set of timeline
    /// entries in force may change; nil when nothing changes again. Between the two,
    /// ``FaultProfile/effective(at:)`` gives the same answer, so a caller can keep it.
    public func nextChange(after elapsed: Int64) -> Int64? {
        guard let phase = phase(at: elapsed) else { return start }
        let cycle = every.flatMap { $0 > 0 ? $0 : nil }
        var next: Int64?
        func consider(_ edge: Int64) {
            guard edge > phase, cycle.map({ edge <= $0 }) ?? true else { return }
            next = min(next ?? edge, edge)
        }
        if let duration { consider(duration) }
        for entry in timeline {
            consider(entry.at)
            if let length = entry.duration ?? (entry.action == .reboot ? Self.defaultRebootDowntime : nil) {
                consider(entry.at + length)
            }
        }
        if let cycle { consider(cycle) }
        return next.map { elapsed - phase + $0 }
    }

    /// Whether a timeline reboot keeps the camera down at `elapsed`.
    public func isRebooting(at elapsed: Int64) -> Bool {
        guard let phase = phase(at: elapsed) else { return false }
        return timeline.contains { $0.action == .reboot && covers($0, phase: phase) }
    }

    /// How many timeline reboots have begun at or before `elapsed`, over all cycles.
    public func rebootCount(at elapsed: Int64) -> Int {
        guard let phase = phase(at: elapsed) else { return 0 }
        let reboots = timeline.filter { entry in
            guard entry.action == .reboot else { return false }
            if let every, every > 0 { return entry.at < every }
            return true
        }
        guard !reboots.isEmpty else { return 0 }
        var completedCycles = 0
        if let every, every > 0 { completedCycles = Int((elapsed - start) / every) }
        return completedCycles * reboots.count + reboots.filter { $0.at <= phase }.count
    }
}

/// One event of a schedule's timeline.
public struct TimelineEntry: Sendable, Equatable, Hashable {
    /// When, from the start of the cycle.
    public var at: Int64
    /// How long; nil for "to the end of the cycle" (apply) or the default downtime (reboot).
    public var duration: Int64?
    public var action: TimelineAction

    public init(at: Int64, duration: Int64? = nil, action: TimelineAction) {
        self.at = at
        self.duration = duration
        self.action = action
    }
}

/// What a timeline entry does.
public enum TimelineAction: Sendable, Equatable, Hashable {
    /// Layer the named profile (from the configuration or the presets) on top. The
    /// parser records the name; loading resolves it into the profile
    /// (``FaultProfile/resolvingLayers(in:)``), so nothing is looked up by name at run time.
    case apply(String, FaultProfile? = nil)
    /// Reboot the camera; it is down for the entry's duration.
    case reboot
}
