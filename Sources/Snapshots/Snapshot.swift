import Cameras

/// One JPEG picture of a stream.
public struct Snapshot: Sendable {
    /// The JFIF bytes.
    public var jpeg: [UInt8]
    /// The JPEG's size in pixels.
    public var size: PictureSize
    /// The frame slot the picture shows, on the stream's frame clock (or the snapshot's
    /// own clock for a stream that has never run).
    public var frameIndex: Int64
    /// The picture's capture time, in nanoseconds since the Unix epoch.
    public var wallClockNanos: Int64

    public init(jpeg: [UInt8], size: PictureSize, frameIndex: Int64, wallClockNanos: Int64) {
        self.jpeg = jpeg
        self.size = size
        self.frameIndex = frameIndex
        self.wallClockNanos = wallClockNanos
    }
}
