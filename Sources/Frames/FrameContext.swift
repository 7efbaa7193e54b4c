import PTZ

/// What a generator knows about the frame it is drawing.
public struct FrameContext: Sendable {
    /// 0 for the first frame a camera renders; counts every frame slot, including skipped ones.
    public var frameIndex: Int64
    /// Seconds of media time since the camera's clock started (frameIndex / fps).
    public var mediaTime: Double
    /// Wall-clock capture time in nanoseconds since the Unix epoch (UTC).
    public var wallClockNanos: Int64
    /// The camera's name, for text overlays.
    public var cameraName: String
    /// The camera's seed, for reproducible noise.
    public var seed: UInt64
    /// Frames per second of the stream being rendered.
    public var frameRate: Double
    /// The camera's virtual PTZ position at the frame, for `{pan}`, `{tilt}` and `{zoom}`;
    /// nil for a camera without `ptz:`.
    public var ptz: PTZVector?

    public init(
        frameIndex: Int64,
        mediaTime: Double,
        wallClockNanos: Int64,
        cameraName: String,
        seed: UInt64 = 0,
        frameRate: Double = 30
    ) {
        self.frameIndex = frameIndex
        self.mediaTime = mediaTime
        self.wallClockNanos = wallClockNanos
        self.cameraName = cameraName
        self.seed = seed
        self.frameRate = frameRate
    }
}

/// Draws frames. A camera calls `render` once per frame, from one thread at a time,
/// straight into the encoder's input picture. Implementations may cache static layers.
public protocol FrameSource: AnyObject {
    func render(into picture: PictureView, context: FrameContext)
}
