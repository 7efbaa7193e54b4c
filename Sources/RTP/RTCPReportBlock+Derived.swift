/// What a report block says in everyday units (RFC 3550 §6.4.1): loss as a ratio,
/// jitter in seconds of the reported stream's clock, and the round-trip time its
/// LSR and DLSR fields give.
extension RTCPReportBlock {
    /// Units of the DLSR field per second: it counts 1/65536 s.
    public static let delayUnitsPerSecond: Int64 = 65_536

    /// "fraction lost" as a number in 0...1 (the field is a fixed-point fraction over 256).
    public var fractionLostRatio: Double { Double(fractionLost) / 256 }

    /// Interarrival jitter in seconds: the field counts ticks of the stream's RTP clock.
    public func jitterSeconds(clockRate: UInt32) -> Double {
        guard clockRate > 0 else { return 0 }
        return Double(jitter) / Double(clockRate)
    }

    /// DLSR in nanoseconds.
    public var delaySinceLastSRNanoseconds: Int64 {
        Int64(delaySinceLastSR) * 1_000_000_000 / Self.delayUnitsPerSecond
    }

    /// The round-trip time (RFC 3550 §6.4.1, "A - LSR - DLSR"): from when the SR that LSR
    /// names left (`sentAt`) to when this block arrived (`receivedAt`), less the time the
    /// receiver held it (DLSR). Both times on one clock, in nanoseconds. Nil when the
    /// receiver has had no SR yet (LSR 0). Never negative: DLSR is rounded to 1/65536 s,
    /// so on a fast link the difference can dip just below zero.
    public func roundTripNanoseconds(sentAt: Int64, receivedAt: Int64) -> Int64? {
        guard lastSR != 0 else { return nil }
        return max(0, receivedAt - sentAt - delaySinceLastSRNanoseconds)
    }
}
