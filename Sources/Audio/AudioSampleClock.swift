/// Maps media time (nanoseconds from the stream's origin, the origin of the video's frame
/// clock) to audio sample indices and back, in exact integer arithmetic: sample n sits at
/// n / rate seconds, as frame k sits at k / fps, so the two never drift apart.
public struct AudioSampleClock: Hashable, Sendable {
    /// Samples per second.
    public let rate: Int

    public init(rate: Int) {
        precondition(rate > 0, "an audio clock needs a positive rate")
        self.rate = rate
    }

    /// The media time of sample `n`, rounded down to the nanosecond.
    public func nanoseconds(untilSample n: Int64) -> Int64 {
        Int64(truncatingIfNeeded: Self.floorDivide(Int128(n) * 1_000_000_000, Int128(rate)))
    }

    /// The number of samples due by `nanoseconds` of media time: the index of the first
    /// sample at or after that instant.
    public func samplesDue(atNanoseconds nanoseconds: Int64) -> Int64 {
        let scaled = Int128(nanoseconds) * Int128(rate)
        return Int64(truncatingIfNeeded: -Self.floorDivide(-scaled, 1_000_000_000))
    }

    private static func floorDivide(_ a: Int128, _ b: Int128) -> Int128 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
