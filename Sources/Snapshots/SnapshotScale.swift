import Cameras

/// The picture size a snapshot is delivered at: the stream's own, or shrunk to a
/// requested width with the aspect ratio kept. Snapshots are never enlarged.
public enum SnapshotScale {
    /// Widths a request may ask for. Below 16 a picture is no longer useful; the upper
    /// bound keeps a request from naming an absurd size (larger ones are clamped anyway).
    public static let allowedWidths = 16...7680

    /// The delivered size for a stream drawing at `picture`, asked for `width` (nil: full
    /// size). Widths at or above the picture's give the picture's size; smaller ones are
    /// rounded down to even, and the height follows the aspect ratio, rounded to even
    /// (4:2:0 needs even sizes), at least 2.
    public static func outputSize(of picture: PictureSize, width: Int?) -> PictureSize {
        guard let width, width < picture.width else { return picture }
        let evenWidth = max(2, width & ~1)
        let height = (picture.height * evenWidth + picture.width / 2) / picture.width
        return PictureSize(width: evenWidth, height: max(2, (height + 1) & ~1))
    }
}
