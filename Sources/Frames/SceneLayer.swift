/// One drawable element of a scene, already resolved to a picture size.
///
/// A layer draws inside the region it was built for and reports what it changed, so the
/// scene renderer can restore just those pixels before the next frame.
public protocol SceneLayer: AnyObject {
    /// True when the layer draws the same pixels on every frame for a given camera.
    /// Static layers may still depend on the frame size and on the context's camera
    /// name, seed and frame rate: the renderer redraws everything when those change.
    var isStatic: Bool { get }

    /// Draws into `picture` and returns the rectangle it changed (luma pixels, may be
    /// empty). Layers that modify what lies below them (noise, levels) read the picture.
    func draw(into picture: PictureView, context: FrameContext) -> PixelRect
}

/// Splits a range of `length` samples into `count` parts whose boundaries are rounded
/// to even positions, so that every 4:2:0 chroma sample lies in exactly one part.
/// Boundary k is at `2·round(k·length / (2·count))` (round half up).
@inline(__always)
func evenBoundary(_ k: Int, of count: Int, length: Int) -> Int {
    2 * ((2 * k * length + 2 * count) / (4 * count))
}
