import Synchronization

/// What a stream's encoder side did, for metrics: pictures drawn (a frozen picture is
/// encoded again without being drawn), IDRs it was asked for, and how long each access
/// unit took to draw and encode. Recorded once per frame on the encode pool.
public final class StreamEncodeStatistics: Sendable {
    /// Frames whose picture was drawn afresh.
    public let framesRendered = Atomic<Int>(0)
    /// Access units encoded as IDR because one was asked for (a viewer joining, an action).
    public let idrsForced = Atomic<Int>(0)
    /// Seconds to draw and encode one access unit.
    public let encodeSeconds = BucketHistogram(upperBounds: StreamEncodeStatistics.encodeBuckets)

    /// 0.5 ms to 250 ms: a small sub stream encodes in well under a millisecond, a
    /// 1080p IDR in tens.
    public static let encodeBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.25]

    public init() {}
}

extension StreamEncodeStatistics {
    /// Counts one access unit the encode pool made.
    func record(_ unit: AccessUnitRequest, seconds: Double) {
        if unit.redraw { framesRendered.wrappingAdd(1, ordering: .relaxed) }
        if unit.forceIDR { idrsForced.wrappingAdd(1, ordering: .relaxed) }
        encodeSeconds.record(seconds)
    }
}
