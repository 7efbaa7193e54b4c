extension PlaneView {
    /// Writes this plane shrunk to `target`'s size (no larger in either direction), each
    /// target sample the rounded mean of the source samples its area covers (a box
    /// filter: output sample i covers source samples ⌊i·s/t⌋ ..< ⌊(i+1)·s/t⌋). Flat
    /// areas keep their exact value.
    public func downscale(into target: PlaneView) {
        precondition(target.width <= width && target.height <= height && target.width > 0 && target.height > 0,
                     "downscale target must be non-empty and no larger than the source")
        let columnStarts = (0...target.width).map { $0 * width / target.width }
        for ty in 0..<target.height {
            let y0 = ty * height / target.height, y1 = (ty + 1) * height / target.height
            let out = target.row(ty)
            for tx in 0..<target.width {
                let x0 = columnStarts[tx], x1 = columnStarts[tx + 1]
                var sum = 0
                for y in y0..<y1 {
                    let row = self.row(y)
                    for x in x0..<x1 { sum += Int(row[x]) }
                }
                let count = (x1 - x0) * (y1 - y0)
                out[tx] = UInt8(truncatingIfNeeded: (sum + count / 2) / count)
            }
        }
    }
}

extension PictureView {
    /// Writes this picture shrunk to `target`'s size, plane by plane (see `PlaneView.downscale`).
    public func downscale(into target: PictureView) {
        luma.downscale(into: target.luma)
        cb.downscale(into: target.cb)
        cr.downscale(into: target.cr)
    }
}
