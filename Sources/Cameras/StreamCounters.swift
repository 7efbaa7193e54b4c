import Synchronization

/// Counters a stream keeps for tests, logs and metrics. Readable from any thread.
public final class StreamCounters: Sendable {
    /// Frames encoded and delivered.
    public let framesEncoded = Atomic<Int>(0)
    /// Frame slots skipped because the stream was behind (CPU short) or busy.
    public let framesSkipped = Atomic<Int>(0)
    /// Times an encoder was opened.
    public let encoderOpens = Atomic<Int>(0)
    /// Viewers receiving packets now.
    public let activeViewers = Atomic<Int>(0)
    /// RTP packets produced (once per stream, however many viewers).
    public let packetsProduced = Atomic<Int>(0)
    /// RTP bytes produced, headers included (once per stream, however many viewers).
    public let bytesProduced = Atomic<Int>(0)

    public init() {}

    public struct Snapshot: Sendable, Equatable {
        public var framesEncoded: Int
        public var framesSkipped: Int
        public var encoderOpens: Int
        public var activeViewers: Int
        public var packetsProduced: Int
        public var bytesProduced: Int
    }

    public var snapshot: Snapshot {
        Snapshot(
            framesEncoded: framesEncoded.load(ordering: .relaxed),
            framesSkipped: framesSkipped.load(ordering: .relaxed),
            encoderOpens: encoderOpens.load(ordering: .relaxed),
            activeViewers: activeViewers.load(ordering: .relaxed),
            packetsProduced: packetsProduced.load(ordering: .relaxed),
            bytesProduced: bytesProduced.load(ordering: .relaxed)
        )
    }
}
