/// The camera faults that change what the encoder is given: a frozen picture and a
/// changed picture size. Both are pure functions of the monotonic time in nanoseconds.
///
/// A stream holds its own copy and is handed a new one when the camera's faults change
/// (`CameraStream.setPictureFaults`), so each frame reads them without taking a lock.
public struct PictureFaults: Sendable {
    /// True while the picture must not change: frames keep coming, showing the same picture.
    public var isFrozen: @Sendable (_ nanoseconds: Int64) -> Bool
    /// A picture size that replaces the configured one; nil keeps the configured size.
    public var resolution: @Sendable (_ nanoseconds: Int64) -> PictureSize?

    public init(
        isFrozen: @escaping @Sendable (_ nanoseconds: Int64) -> Bool,
        resolution: @escaping @Sendable (_ nanoseconds: Int64) -> PictureSize?
    ) {
        self.isFrozen = isFrozen
        self.resolution = resolution
    }

    /// No picture faults.
    public static let none = PictureFaults(isFrozen: { _ in false }, resolution: { _ in nil })
}
