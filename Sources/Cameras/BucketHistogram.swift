import NIOConcurrencyHelpers

/// A histogram with fixed bucket bounds, safe to record into from any thread: a count
/// per bucket, the sum and the count, as Prometheus histograms report them. One short
/// lock per observation; it is recorded into once per frame or per receiver report,
/// never per packet.
public final class BucketHistogram: Sendable {
    /// Upper bounds, ascending; a value lands in the first bucket whose bound is >= it.
    public let upperBounds: [Double]
    private let state: NIOLockedValueBox<Snapshot>

    /// What was recorded so far: counts per bucket (not cumulative; values above the
    /// last bound only in `count`), their sum and their number.
    public struct Snapshot: Sendable, Equatable {
        public var bucketCounts: [Int]
        public var sum: Double
        public var count: Int

        /// Counts of values at or below each bound, as the `le` series carry them.
        public var cumulativeCounts: [Int] {
            var running = 0
            return bucketCounts.map { running += $0; return running }
        }

        /// Two histograms with the same bounds added together.
        public static func + (lhs: Snapshot, rhs: Snapshot) -> Snapshot {
            Snapshot(
                bucketCounts: zip(lhs.bucketCounts, rhs.bucketCounts).map { $0 + $1 },
                sum: lhs.sum + rhs.sum, count: lhs.count + rhs.count)
        }
    }

    public init(upperBounds: [Double]) {
        self.upperBounds = upperBounds.sorted()
        state = NIOLockedValueBox(Snapshot(bucketCounts: Array(repeating: 0, count: upperBounds.count), sum: 0, count: 0))
    }

    public func record(_ value: Double) {
        let index = upperBounds.firstIndex { value <= $0 }
        state.withLockedValue { state in
            if let index { state.bucketCounts[index] += 1 }
            state.sum += value
            state.count += 1
        }
    }

    public var snapshot: Snapshot { state.withLockedValue { $0 } }
}
