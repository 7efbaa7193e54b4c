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
        guard let phase = phase(at: elapsed) else { return [] }
        return timeline.compactMap { entry in
            guard case .apply(let name) = entry.action, covers(entry, phase: phase) else { return nil }
            return name
        }
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
    /// Layer the named profile (from the configuration or the presets) on top.
    case apply(String)
    /// Reboot the camera; it is down for the entry's duration.
    case reboot
}
