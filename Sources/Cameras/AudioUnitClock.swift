/// The unit clock of an audio track: unit n covers samples n × samplesPerUnit onwards and
/// is due once its last sample has been captured, at origin + (n + 1) × samplesPerUnit /
/// rate on the monotonic clock. Times come from the total sample count, so they never drift.
public struct AudioUnitClock: Sendable, Equatable {
    /// Samples per second (the RTP clock rate of audio, RFC 3551 §4.1).
    public let rate: Int64
    public let samplesPerUnit: Int64
    /// Monotonic and wall-clock nanoseconds at sample 0.
    public let originNanos: Int64
    public let wallOriginNanos: Int64
    /// The next unit not yet taken.
    public private(set) var nextUnit: Int64 = 0
    /// Most units made at once when the track fell behind; older ones are skipped.
    public static let maximumCatchUp: Int64 = 5

    public init(rate: Int, samplesPerUnit: Int, originNanos: Int64, wallOriginNanos: Int64) {
        self.rate = Int64(max(1, rate))
        self.samplesPerUnit = Int64(max(1, samplesPerUnit))
        self.originNanos = originNanos
        self.wallOriginNanos = wallOriginNanos
    }

    /// Index of the first sample of unit `unit`.
    public func firstSample(ofUnit unit: Int64) -> Int64 { unit * samplesPerUnit }

    /// Nanoseconds from the origin to sample `sample` (rounded down).
    public func nanoseconds(untilSample sample: Int64) -> Int64 {
        let (seconds, remainder) = (sample / rate, sample % rate)
        return seconds * 1_000_000_000 + remainder * 1_000_000_000 / rate
    }

    /// Wall-clock capture time of the first sample of `unit`.
    public func wallClockNanos(ofUnit unit: Int64) -> Int64 {
        wallOriginNanos + nanoseconds(untilSample: firstSample(ofUnit: unit))
    }

    /// Monotonic time at which `unit` is complete and due.
    public func dueNanos(ofUnit unit: Int64) -> Int64 {
        originNanos + nanoseconds(untilSample: firstSample(ofUnit: unit + 1))
    }

    /// The units due at `now` not yet taken (at most `maximumCatchUp`, the latest ones),
    /// and how many older ones were skipped.
    public mutating func take(at now: Int64) -> (units: Range<Int64>, skipped: Int64) {
        guard now >= originNanos else { return (nextUnit..<nextUnit, 0) }
        let elapsedSamples = (now - originNanos) / 1_000_000_000 * rate
            + (now - originNanos) % 1_000_000_000 * rate / 1_000_000_000
        let complete = elapsedSamples / samplesPerUnit // units 0..<complete are due
        guard complete > nextUnit else { return (nextUnit..<nextUnit, 0) }
        let start = max(nextUnit, complete - Self.maximumCatchUp)
        let skipped = start - nextUnit
        nextUnit = complete
        return (start..<complete, skipped)
    }

    /// Starts again from now (after an idle spell): units nobody needed are not skipped ones.
    public mutating func resume(at now: Int64) {
        var probe = self
        let taken = probe.take(at: now)
        nextUnit = max(nextUnit, taken.units.upperBound)
    }
}
