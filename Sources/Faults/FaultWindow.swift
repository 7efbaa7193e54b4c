/// A span of elapsed time, optionally repeating: active from `start` for
/// `duration` (forever when nil), and again every `every` after `start` when set.
///
/// Windows are half-open: active at `start`, no longer active at
/// `start + duration`. A pure function of elapsed time.
public struct FaultWindow: Sendable, Equatable, Hashable {
    /// When the first occurrence begins, in nanoseconds of elapsed time.
    public var start: Int64
    /// How long each occurrence lasts; nil lasts until the next occurrence (or forever).
    public var duration: Int64?
    /// Period between the starts of occurrences; nil happens once.
    public var every: Int64?

    public init(start: Int64 = 0, duration: Int64? = nil, every: Int64? = nil) {
        self.start = start
        self.duration = duration
        self.every = every
    }

    /// Time since the start of the occurrence containing `elapsed`, or nil before the first one.
    @inlinable
    public func phase(at elapsed: Int64) -> Int64? {
        guard elapsed >= start else { return nil }
        let since = elapsed - start
        if let every, every > 0 { return since % every }
        return since
    }

    /// Whether `elapsed` falls inside an occurrence.
    @inlinable
    public func isActive(at elapsed: Int64) -> Bool {
        guard let phase = phase(at: elapsed) else { return false }
        guard let duration else { return true }
        return phase < duration
    }

    /// How many occurrences have begun at or before `elapsed`.
    public func occurrences(through elapsed: Int64) -> Int {
        guard elapsed >= start else { return 0 }
        if let every, every > 0 { return Int((elapsed - start) / every) + 1 }
        return 1
    }

    /// The start of the occurrence containing (or last begun before) `elapsed`.
    public func occurrenceStart(at elapsed: Int64) -> Int64? {
        guard let phase = phase(at: elapsed) else { return nil }
        return elapsed - phase
    }
}
