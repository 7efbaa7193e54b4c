import Synchronization

/// What a stream's viewers were sent and what their receiver reports said, summed over
/// every viewer the stream ever had, for metrics. A viewer adds its RTP packets and
/// bytes once per access unit, and a receiver report's loss and jitter when one arrives.
public final class StreamViewerStatistics: Sendable {
    /// RTP packets written to viewers (after faults: a dropped packet is not counted).
    public let packetsSent = Atomic<Int>(0)
    /// Bytes of those packets, RTP headers included.
    public let bytesSent = Atomic<Int>(0)
    /// "fraction lost" of each receiver report (RFC 3550 §6.4.1), 0...1.
    public let reportedLoss = BucketHistogram(upperBounds: StreamViewerStatistics.lossBuckets)
    /// Interarrival jitter of each receiver report, in seconds.
    public let reportedJitterSeconds = BucketHistogram(upperBounds: StreamViewerStatistics.jitterBuckets)

    public static let lossBuckets: [Double] = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]
    public static let jitterBuckets: [Double] = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]

    public init() {}
}
