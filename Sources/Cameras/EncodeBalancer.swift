/// Which encode worker each stream's lane runs on: the least-loaded worker when the lane
/// opens, and afterwards the same worker, so x264's state stays in one core's caches.
/// Once per measuring window it may move one lane, and only when one worker is
/// overloaded while another has room.
///
/// Pure: busy times come in, decisions go out; `EncodeWorkers` carries them out.
public struct EncodeBalancer: Sendable {
    /// When a lane is moved.
    public struct Rule: Sendable, Equatable {
        /// A worker busy this share of a window or more is overloaded.
        public var overloaded: Double
        /// A lane moves only toward a worker at least this much less busy than the
        /// overloaded one.
        public var gap: Double
        /// Windows after a move in which that lane stays where it was put.
        public var settleWindows: Int

        public init(overloaded: Double = 0.85, gap: Double = 0.2, settleWindows: Int = 3) {
            self.overloaded = overloaded
            self.gap = gap
            self.settleWindows = settleWindows
        }
    }

    /// One lane moved from a worker to another.
    public struct Move: Sendable, Equatable {
        public var lane: Int
        public var from: Int
        public var to: Int
    }

    struct Lane {
        var worker: Int
        /// Its share of the last full window it lived through; nil until it has one.
        var load: Double?
        /// Windows left before it may be moved again.
        var settling = 0
    }

    public let workers: Int
    public let rule: Rule
    private(set) var lanes: [Int: Lane] = [:]
    private var nextLane = 0

    public init(workers: Int, rule: Rule = Rule()) {
        precondition(workers >= 1, "at least one worker")
        self.workers = workers
        self.rule = rule
    }

    /// The worker a lane runs on now; nil once released.
    public func worker(of lane: Int) -> Int? { lanes[lane]?.worker }

    /// Lanes on each worker.
    public var laneCounts: [Int] {
        var counts = Array(repeating: 0, count: workers)
        for lane in lanes.values { counts[lane.worker] += 1 }
        return counts
    }

    /// Each worker's expected load: its lanes' last measured shares, and for a lane not
    /// measured yet the mean of those that are (nothing if none is).
    public var expectedLoads: [Double] {
        let measured = lanes.values.compactMap(\.load)
        let unmeasured = measured.isEmpty ? 0 : measured.reduce(0, +) / Double(measured.count)
        var loads = Array(repeating: 0.0, count: workers)
        for lane in lanes.values { loads[lane.worker] += lane.load ?? unmeasured }
        return loads
    }

    /// A new lane on the worker with the least expected load; on a tie, the one with
    /// fewest lanes, then the lowest index. Returns the lane's identifier and its worker.
    public mutating func open() -> (lane: Int, worker: Int) {
        let loads = expectedLoads
        let counts = laneCounts
        let worker = (0..<workers).min { a, b in
            if loads[a] != loads[b] { return loads[a] < loads[b] }
            if counts[a] != counts[b] { return counts[a] < counts[b] }
            return a < b
        }!
        let lane = nextLane
        nextLane += 1
        lanes[lane] = Lane(worker: worker)
        return (lane, worker)
    }

    /// The lane's stream closed: its worker has that much less to do.
    public mutating func release(_ lane: Int) {
        lanes.removeValue(forKey: lane)
    }

    /// A window ended. `busy` is each lane's share of it (busy nanoseconds over the
    /// window's length); a lane missing from it did nothing. Returns the move to make,
    /// if any: at most one per window, so the next window measures its effect.
    ///
    /// The rule: the busiest worker is overloaded (`rule.overloaded`) and the least busy
    /// is at least `rule.gap` below it. Of the busiest worker's lanes that may move, the
    /// one whose share comes closest to half the difference moves, if moving it leaves
    /// both workers below the busiest one's load now. A moved lane then settles for
    /// `rule.settleWindows` windows.
    public mutating func windowEnded(busy: [Int: Double]) -> Move? {
        for key in Array(lanes.keys) { lanes[key]!.load = busy[key] ?? 0 }
        let move = decide()
        for key in Array(lanes.keys) where lanes[key]!.settling > 0 && key != move?.lane {
            lanes[key]!.settling -= 1
        }
        return move
    }

    private mutating func decide() -> Move? {
        guard workers > 1 else { return nil }
        var loads = Array(repeating: 0.0, count: workers)
        for lane in lanes.values { loads[lane.worker] += lane.load ?? 0 }
        let busiest = (0..<workers).max { loads[$0] < loads[$1] || (loads[$0] == loads[$1] && $0 > $1) }!
        let idlest = (0..<workers).min { loads[$0] < loads[$1] || (loads[$0] == loads[$1] && $0 < $1) }!
        let difference = loads[busiest] - loads[idlest]
        guard loads[busiest] >= rule.overloaded, difference >= rule.gap else { return nil }
        let candidates = lanes.filter { _, lane in
            guard lane.worker == busiest, lane.settling == 0, let load = lane.load else { return false }
            return load > 0 && load < difference
        }
        let half = difference / 2
        guard let chosen = candidates.min(by: { a, b in
            let da = abs(a.value.load! - half), db = abs(b.value.load! - half)
            return da != db ? da < db : a.key < b.key
        }) else { return nil }
        lanes[chosen.key]!.worker = idlest
        lanes[chosen.key]!.settling = rule.settleWindows
        return Move(lane: chosen.key, from: busiest, to: idlest)
    }
}
