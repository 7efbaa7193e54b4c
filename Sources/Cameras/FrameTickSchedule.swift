import H264

/// When one event loop's `FrameTicker` fires, and for which members: one timer for every
/// stream of the loop that ticks on it, instead of one timer per stream. Pure: every event
/// takes the monotonic time now and says what to do with the one timer.
///
/// Members are grouped by frame rate. A group ticks on its rate's frame grid, instant j at
/// `ceil(j × 10⁹ / fps)` nanoseconds of the monotonic clock, the same for every loop.
/// A member's frame clock starts on a grid instant (`origin(at:rate:)`), so its frame n is
/// due at most a nanosecond after a grid instant (the two roundings of `FrameRate`): the
/// group fires a nanosecond after each instant, and every member finds exactly one frame
/// due, with the frame times and timestamps of its own clock.
struct FrameTickSchedule<Member: Hashable>: Sendable where Member: Sendable {
    /// What the one timer should do after an event.
    enum Timer: Equatable, Sendable {
        /// Leave it as it is.
        case keep
        /// Fire at this monotonic time, instead of when it was set for.
        case arm(at: Int64)
        /// Nobody ticks: cancel it.
        case disarm
    }

    /// The members of one frame rate, in join order but for removals, and their next firing.
    struct Group: Sendable {
        var members: [Member] = []
        var positions: [Member: Int] = [:]
        var nextFire: Int64
    }

    private(set) var groups: [FrameRate: Group] = [:]
    /// When the timer is set for; nil while it is not.
    private(set) var armedAt: Int64?

    init() {}

    /// How many members tick on the schedule.
    var memberCount: Int { groups.values.reduce(0) { $0 + $1.members.count } }

    /// Whether `member` ticks on the schedule.
    func contains(_ member: Member, rate: FrameRate) -> Bool {
        groups[rate]?.positions[member] != nil
    }

    // MARK: - Events

    /// `member` ticks with its rate's group from the next grid instant on (a member already
    /// in changes nothing).
    mutating func join(_ member: Member, rate: FrameRate, at now: Int64) -> Timer {
        var group = groups[rate] ?? Group(nextFire: Self.nextFire(after: now, rate: rate))
        guard group.positions[member] == nil else { return .keep }
        group.positions[member] = group.members.count
        group.members.append(member)
        groups[rate] = group
        return rearm()
    }

    /// `member` ticks no more. An empty group goes; with no group left the timer is cancelled.
    mutating func leave(_ member: Member, rate: FrameRate) -> Timer {
        guard var group = groups[rate], let position = group.positions.removeValue(forKey: member) else { return .keep }
        let last = group.members.removeLast()
        if position < group.members.count {
            group.members[position] = last
            group.positions[last] = position
        }
        groups[rate] = group.members.isEmpty ? nil : group
        return rearm()
    }

    /// The timer fired: the members of every group due by `now`, in order, and the timer's next setting.
    mutating func fire(at now: Int64) -> (due: [Member], timer: Timer) {
        armedAt = nil
        var due: [Member] = []
        for (rate, group) in groups where group.nextFire <= now {
            if due.isEmpty { due = group.members } else { due += group.members }
            groups[rate]!.nextFire = Self.nextFire(after: now, rate: rate)
        }
        return (due, rearm())
    }

    private mutating func rearm() -> Timer {
        guard let earliest = groups.values.map(\.nextFire).min() else {
            guard armedAt != nil else { return .keep }
            armedAt = nil
            return .disarm
        }
        guard earliest != armedAt else { return .keep }
        armedAt = earliest
        return .arm(at: earliest)
    }

    // MARK: - The grid

    /// Grid instant `index` of `rate`: the first nanosecond at which `FrameRate.frameIndex`
    /// reaches `index`, ceil(index × 10⁹ × den / num).
    static func instant(_ index: Int64, rate: FrameRate) -> Int64 {
        let numerator = Int128(rate.numerator)
        let scaled = Int128(index) * 1_000_000_000 * Int128(rate.denominator)
        return Int64(truncatingIfNeeded: (scaled + numerator - 1) / numerator)
    }

    /// Where a member's frame clock starts at `now`: the last grid instant at or before it.
    static func origin(at now: Int64, rate: FrameRate) -> Int64 {
        instant(rate.frameIndex(atNanoseconds: now), rate: rate)
    }

    /// The group's first firing after `now`: a nanosecond after the next grid instant, when
    /// every member's frame of that instant is due.
    static func nextFire(after now: Int64, rate: FrameRate) -> Int64 {
        // The smallest j with instant(j) + 1 > now.
        instant(rate.frameIndex(atNanoseconds: now - 1) + 1, rate: rate) + 1
    }
}
