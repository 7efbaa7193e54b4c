/// Anti-aliased coverage masks for round shapes and thick lines. Coverage is the
/// signed distance to the shape's edge, clamped to one pixel of ramp:
/// `coverage = clamp(½ − distance_outside, 0, 1) · 255`.
extension CoverageMask {
    /// A filled disc of the given diameter, centred in a diameter × diameter mask.
    public static func disc(diameter: Int) -> CoverageMask {
        var mask = CoverageMask(width: diameter, height: diameter)
        let c = Double(diameter) / 2, radius = Double(diameter) / 2
        for y in 0..<diameter {
            for x in 0..<diameter {
                let dx = Double(x) + 0.5 - c, dy = Double(y) + 0.5 - c
                let d = (dx * dx + dy * dy).squareRoot() - radius
                mask[x, y] = coverageByte(0.5 - d)
            }
        }
        return mask
    }

    /// A ring (circle outline) `lineWidth` thick whose outer edge touches the mask edges.
    public static func ring(diameter: Int, lineWidth: Int) -> CoverageMask {
        var mask = CoverageMask(width: diameter, height: diameter)
        let c = Double(diameter) / 2
        let mid = (Double(diameter) - Double(lineWidth)) / 2, half = Double(lineWidth) / 2
        for y in 0..<diameter {
            for x in 0..<diameter {
                let dx = Double(x) + 0.5 - c, dy = Double(y) + 0.5 - c
                let d = abs((dx * dx + dy * dy).squareRoot() - mid) - half
                mask[x, y] = coverageByte(0.5 - d)
            }
        }
        return mask
    }

    /// Adds a thick line segment from (x0, y0) to (x1, y1) with round caps.
    public mutating func strokeLine(x0: Double, y0: Double, x1: Double, y1: Double, width lineWidth: Double) {
        let half = lineWidth / 2
        let minX = max(0, Int((min(x0, x1) - half - 1).rounded(.down)))
        let maxX = min(width - 1, Int((max(x0, x1) + half + 1).rounded(.up)))
        let minY = max(0, Int((min(y0, y1) - half - 1).rounded(.down)))
        let maxY = min(height - 1, Int((max(y0, y1) + half + 1).rounded(.up)))
        guard minX <= maxX, minY <= maxY else { return }
        let vx = x1 - x0, vy = y1 - y0
        let lengthSquared = max(1e-9, vx * vx + vy * vy)
        for y in minY...maxY {
            for x in minX...maxX {
                let px = Double(x) + 0.5 - x0, py = Double(y) + 0.5 - y0
                let t = min(1, max(0, (px * vx + py * vy) / lengthSquared))
                let ex = px - t * vx, ey = py - t * vy
                let d = (ex * ex + ey * ey).squareRoot() - half
                let c = Self.coverageByte(0.5 - d)
                if c > 0 { cover(x: x, y: y, c) }
            }
        }
    }

    @inline(__always)
    static func coverageByte(_ c: Double) -> UInt8 {
        UInt8((min(1, max(0, c)) * 255 + 0.5).rounded(.down))
    }
}

/// A circle centred in its region: an outline `lineWidth` thick (0 for none) and an
/// optional fill, with the diameter the smaller side of the region.
public final class Circle: SceneLayer {
    public let region: PixelRect
    public let colour: YCbCr
    public let fill: YCbCr?
    public let opacity: Double
    private let outline: CoverageMask?
    private let disc: CoverageMask?
    private let origin: (x: Int, y: Int)
    public var isStatic: Bool { true }

    public init(region: PixelRect, colour: YCbCr, lineWidth: Int, fill: YCbCr?, opacity: Double = 1) {
        self.region = region
        self.colour = colour
        self.fill = fill
        self.opacity = opacity
        let d = min(region.width, region.height)
        origin = (region.x + (region.width - d) / 2, region.y + (region.height - d) / 2)
        outline = lineWidth > 0 ? CoverageMask.ring(diameter: d, lineWidth: lineWidth) : nil
        disc = fill != nil ? CoverageMask.disc(diameter: d) : nil
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        var changed = PixelRect.empty
        if let disc, let fill {
            changed = changed.union(picture.blend(disc, atX: origin.x, y: origin.y, colour: fill, opacity: opacity))
        }
        if let outline {
            changed = changed.union(picture.blend(outline, atX: origin.x, y: origin.y, colour: colour, opacity: opacity))
        }
        return changed
    }
}
