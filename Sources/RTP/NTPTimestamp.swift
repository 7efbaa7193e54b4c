/// A 64-bit NTP timestamp (RFC 3550 §4, RFC 5905 §6): unsigned 32.32 fixed-point seconds
/// since 1900-01-01 00:00:00 UTC, wrapping every 2^32 seconds (era).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                            Seconds                            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                            Fraction                           |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
public struct NTPTimestamp: Hashable, Sendable {
    /// Seconds from 1900-01-01 to 1970-01-01 (70 years, 17 of them leap).
    public static let unixEpochOffsetSeconds: Int64 = 2_208_988_800

    public var rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The NTP time of a Unix time in nanoseconds; the fraction is truncated.
    public init(unixNanoseconds: Int64) {
        // Floor division, so times before 1970 keep a fraction in [0, 1).
        let (seconds, nanoseconds) = wholeSeconds(unixNanoseconds)
        let ntpSeconds = UInt32(truncatingIfNeeded: seconds &+ Self.unixEpochOffsetSeconds)
        // nanoseconds < 10^9 < 2^30, so the shifted value stays below 2^62.
        let fraction = UInt32((UInt64(nanoseconds) << 32) / UInt64(nanosecondsPerSecond))
        rawValue = UInt64(ntpSeconds) << 32 | UInt64(fraction)
    }

    /// Whole seconds since 1900 (modulo 2^32).
    public var seconds: UInt32 { UInt32(truncatingIfNeeded: rawValue >> 32) }
    /// Fraction of a second in units of 2^-32 s.
    public var fraction: UInt32 { UInt32(truncatingIfNeeded: rawValue) }
    /// The middle 32 bits (16.16 seconds), as echoed in a report block's LSR (RFC 3550 §6.4.1).
    public var middle32: UInt32 { UInt32(truncatingIfNeeded: rawValue >> 16) }
}
