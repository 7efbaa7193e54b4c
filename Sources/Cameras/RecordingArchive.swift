import H264

/// A camera's synthetic archive as the server keeps it: the recorded span, its gaps and
/// whether playback loops. Each stream makes its own `RecordingTimeline` from it at its
/// frame rate. Nothing is stored: a frame is drawn when it is played.
public struct RecordingArchive: Sendable, Equatable {
    public var startNanoseconds: Int64
    /// Nil while the recording grows with the present moment.
    public var endNanoseconds: Int64?
    /// Spans without footage, `[lower, upper)`.
    public var gaps: [Range<Int64>]
    /// Play from the start again at the end, instead of ending.
    public var loops: Bool

    public init(startNanoseconds: Int64, endNanoseconds: Int64?, gaps: [Range<Int64>] = [], loops: Bool = false) {
        self.startNanoseconds = startNanoseconds
        self.endNanoseconds = endNanoseconds
        self.gaps = gaps
        self.loops = loops
    }

    /// The archive's frame slots at `frameRate`.
    public func timeline(frameRate: FrameRate) -> RecordingTimeline {
        RecordingTimeline(frameRate: frameRate, startNanoseconds: startNanoseconds, endNanoseconds: endNanoseconds, gaps: gaps)
    }
}
