import Foundation

/// A circular zone plate: concentric rings whose spatial frequency rises linearly from
/// the centre to the Nyquist limit at the left and right edges of the region. It shows
/// aliasing, scaling artefacts and the encoder's treatment of fine detail at a glance.
///
///     Y(dx, dy) = round(16 + 219 · (½ + ½·cos(π · (dx² + dy²) / w)))
///
/// with dx, dy the distance in pixels from the region centre and w the region width: the
/// local frequency d/dx (phase)/2π = dx/w cycles per pixel reaches 0.5 at |dx| = w/2.
/// Chroma is neutral (128).
public final class ZonePlate: SceneLayer {
    public let region: PixelRect
    public var isStatic: Bool { true }

    public init(region: PixelRect) { self.region = region }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let r = region
        let cx = Double(r.width - 1) / 2, cy = Double(r.height - 1) / 2
        let k = Double.pi / Double(r.width)
        for row in 0..<r.height {
            let dy = Double(row) - cy
            let p = picture.luma.row(r.y + row) + r.x
            for col in 0..<r.width {
                let dx = Double(col) - cx
                let v = 16 + 219 * (0.5 + 0.5 * cos(k * (dx * dx + dy * dy)))
                p[col] = UInt8((v + 0.5).rounded(.down))
            }
        }
        picture.cb.fill(128, x: r.x >> 1, y: r.y >> 1, width: r.width >> 1, height: r.height >> 1)
        picture.cr.fill(128, x: r.x >> 1, y: r.y >> 1, width: r.width >> 1, height: r.height >> 1)
        return r
    }
}
