import Frames

/// What a stream's picture is at one moment, for drawing it outside the encoder (a
/// snapshot): its size and frozen state under the camera's picture faults, and the frame
/// slot due now on the stream's frame clock.
public struct StreamPictureMoment: Sendable {
    /// The size the stream draws now: the configured one, or a resolution fault's.
    public var size: PictureSize
    /// True while a freeze fault holds the picture still.
    public var isFrozen: Bool
    /// The frame slot due now, with its media and capture time; nil when the stream's
    /// clock has never run (nobody has watched it yet).
    public var context: FrameContext?
    /// When the moment was read.
    public var reading: ClockReading
    /// The stream's seed, for noise layers.
    public var seed: UInt64

    public init(size: PictureSize, isFrozen: Bool, context: FrameContext?, reading: ClockReading, seed: UInt64) {
        self.size = size
        self.isFrozen = isFrozen
        self.context = context
        self.reading = reading
        self.seed = seed
    }
}
