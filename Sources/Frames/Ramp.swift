/// A linear ramp between two colours, horizontal (left to right) or vertical (top to
/// bottom). From black to white it is the classic grey ramp for checking levels:
///
///     smooth:   Y(x) = round(Y_from + (Y_to − Y_from) · x/(w − 1))          x = 0 ... w−1
///     N steps:  Y(x) = round(Y_from + (Y_to − Y_from) · floor(N·x/w)/(N − 1))
///
/// (black 16 → white 235, so the smooth ramp passes through every luma code.) Cb and Cr
/// follow the same equation, evaluated at the centre of each chroma site (x = 2c + ½).
public final class Ramp: SceneLayer {
    public let region: PixelRect
    public let from: YCbCr
    public let to: YCbCr
    public let vertical: Bool
    public let steps: Int
    public var isStatic: Bool { true }

    public init(region: PixelRect, from: YCbCr, to: YCbCr, vertical: Bool = false, steps: Int = 0) {
        self.region = region
        self.from = from
        self.to = to
        self.vertical = vertical
        self.steps = steps == 1 ? 2 : steps
    }

    /// Position 0...1 along the ramp for coordinate `p` (may be fractional) of `length`.
    func position(_ p: Double, length: Int) -> Double {
        if steps > 1 {
            let band = min(Double(steps - 1), (Double(steps) * p / Double(length)).rounded(.down))
            return band / Double(steps - 1)
        }
        return length > 1 ? min(1, max(0, p / Double(length - 1))) : 0
    }

    @inline(__always)
    static func mix(_ a: UInt8, _ b: UInt8, _ t: Double) -> UInt8 {
        UInt8((Double(a) + (Double(b) - Double(a)) * t + 0.5).rounded(.down))
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let r = region
        let cx0 = r.x >> 1, cy0 = r.y >> 1, cw = r.width >> 1, ch = r.height >> 1
        if vertical {
            for row in 0..<r.height {
                let t = position(Double(row), length: r.height)
                picture.luma.fill(Self.mix(from.y, to.y, t), x: r.x, y: r.y + row, width: r.width, height: 1)
            }
            for row in 0..<ch {
                let t = position(Double(2 * row) + 0.5, length: r.height)
                picture.cb.fill(Self.mix(from.cb, to.cb, t), x: cx0, y: cy0 + row, width: cw, height: 1)
                picture.cr.fill(Self.mix(from.cr, to.cr, t), x: cx0, y: cy0 + row, width: cw, height: 1)
            }
        } else {
            let lumaRow = (0..<r.width).map { Self.mix(from.y, to.y, position(Double($0), length: r.width)) }
            let ts = (0..<cw).map { position(Double(2 * $0) + 0.5, length: r.width) }
            let cbRow = ts.map { Self.mix(from.cb, to.cb, $0) }
            let crRow = ts.map { Self.mix(from.cr, to.cr, $0) }
            for row in r.y..<r.maxY { (picture.luma.row(row) + r.x).update(from: lumaRow, count: r.width) }
            for row in cy0..<(cy0 + ch) {
                (picture.cb.row(row) + cx0).update(from: cbRow, count: cw)
                (picture.cr.row(row) + cx0).update(from: crRow, count: cw)
            }
        }
        return r
    }
}
