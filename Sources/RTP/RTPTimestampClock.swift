/// Maps monotonic media time to RTP timestamps (RFC 3550 §5.1): `base` plus the elapsed time
/// in units of `rate` Hz, modulo 2^32. Each timestamp is computed from the total elapsed time,
/// so no rounding error accumulates.
public struct RTPTimestampClock: Hashable, Sendable {
    /// Clock rate in Hz (90 kHz for video, RFC 6184 §8.2.1).
    public var rate: UInt32
    /// The RTP timestamp at media time zero; random per RFC 3550 §5.1.
    public var base: UInt32

    public init(rate: UInt32 = 90_000, base: UInt32) {
        self.rate = rate
        self.base = base
    }

    /// The RTP timestamp at `nanoseconds` of media time (may be negative); the tick count is
    /// rounded down.
    public func timestamp(atNanoseconds nanoseconds: Int64) -> UInt32 {
        // floor(ns × rate / 10^9) = seconds × rate + floor(remainder × rate / 10^9), with
        // ns = seconds × 10^9 + remainder and 0 ≤ remainder < 10^9. The second product is below
        // 10^9 × 2^32 < 2^63; the first only matters modulo 2^32, so it may wrap.
        let (seconds, remainder) = wholeSeconds(nanoseconds)
        let whole = seconds &* Int64(rate)
        let partial = remainder * Int64(rate) / nanosecondsPerSecond
        return base &+ UInt32(truncatingIfNeeded: whole &+ partial)
    }
}
