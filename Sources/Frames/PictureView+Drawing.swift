/// Drawing primitives shared by the generators. All coordinates are luma pixels;
/// chroma is addressed at half resolution, so a rectangle edge at an odd luma
/// coordinate is rounded down to the enclosing chroma site.
extension PictureView {
    /// The whole picture as a rectangle.
    public var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }

    /// Fills a rectangle (clipped to the picture) with one colour. Chroma covers the
    /// chroma sites from x/2 up to (x+width)/2, so bars whose edges sit on even
    /// columns get exactly one colour per chroma sample.
    public func fill(_ rect: PixelRect, with colour: YCbCr) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        luma.fill(colour.y, x: r.x, y: r.y, width: r.width, height: r.height)
        let cx0 = r.x >> 1, cy0 = r.y >> 1
        let cx1 = (r.maxX + 1) >> 1, cy1 = (r.maxY + 1) >> 1
        cb.fill(colour.cb, x: cx0, y: cy0, width: cx1 - cx0, height: cy1 - cy0)
        cr.fill(colour.cr, x: cx0, y: cy0, width: cx1 - cx0, height: cy1 - cy0)
    }

    /// Copies a rectangle (grown to even coordinates and clipped) from `source`,
    /// a picture of the same size.
    public func copy(_ rect: PixelRect, from source: PictureView) {
        let r = rect.chromaAligned.intersection(bounds)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            (luma.row(row) + r.x).update(from: source.luma.row(row) + r.x, count: r.width)
        }
        let cx = r.x >> 1, cw = r.width >> 1
        for row in (r.y >> 1)..<(r.maxY >> 1) {
            (cb.row(row) + cx).update(from: source.cb.row(row) + cx, count: cw)
            (cr.row(row) + cx).update(from: source.cr.row(row) + cx, count: cw)
        }
    }

    /// Blends `colour` through an 8-bit coverage mask placed with its top-left corner at
    /// (x, y); returns the rectangle changed. With o = round(opacity · 256) (0...256):
    ///
    ///     coverage c: the sample's mask value (luma), or (c₁ + c₂ + c₃ + c₄ + 2) >> 2 over
    ///                 the 2×2 site (chroma)
    ///     c' = c + (c >> 7)                       0...256, so full coverage is exactly 256
    ///     a  = o == 256 ? c' : (c'·o + 128) >> 8
    ///     out = (in·(256 − a) + colour·a + 128) >> 8       (a = 256 gives exactly the colour)
    ///
    /// Coverage outside the mask counts as 0. When the mask lies wholly inside the picture
    /// at even coordinates with even size, sixteen samples are blended at a time.
    @discardableResult
    public func blend(_ mask: CoverageMask, atX x: Int, y: Int, colour: YCbCr, opacity: Double) -> PixelRect {
        let placed = PixelRect(x: x, y: y, width: mask.width, height: mask.height)
        let target = placed.intersection(bounds)
        guard !target.isEmpty, opacity > 0 else { return .empty }
        let o = min(256, Int((opacity * 256).rounded()))
        let site = target.chromaAligned.intersection(bounds)
        mask.storage.withUnsafeBufferPointer { m in
            if target == placed, x & 1 == 0, y & 1 == 0, mask.width & 1 == 0, mask.height & 1 == 0 {
                blendAligned(m.baseAddress!, width: mask.width, height: mask.height, x: x, y: y, colour: colour, o: o)
            } else {
                blendClipped(m.baseAddress!, maskWidth: mask.width, x: x, y: y, target: target, site: site, colour: colour, o: o)
            }
        }
        return site
    }

    /// a for a coverage value (see above).
    @inline(__always)
    private static func alpha(_ c: Int, _ o: Int) -> Int {
        let c1 = c + (c >> 7)
        return o == 256 ? c1 : (c1 * o + 128) >> 8
    }

    @inline(__always)
    private static func mix(_ v: Int, _ t: Int, _ a: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: (v * (256 - a) + t * a + 128) >> 8)
    }

    private func blendAligned(
        _ mp: UnsafePointer<UInt8>, width mw: Int, height mh: Int, x: Int, y: Int, colour: YCbCr, o: Int
    ) {
        let ov = SIMD16<UInt16>(repeating: UInt16(o))
        let r128 = SIMD16<UInt16>(repeating: 128), full = SIMD16<UInt16>(repeating: 256)
        let opaque = o == 256
        @inline(__always)
        func alphaVector(_ c: SIMD16<UInt16>) -> SIMD16<UInt16> {
            let c1 = c &+ (c &>> 7)
            return opaque ? c1 : (c1 &* ov &+ r128) &>> 8
        }
        @inline(__always)
        func mixVector(_ v: SIMD16<UInt16>, _ t: SIMD16<UInt16>, _ a: SIMD16<UInt16>) -> SIMD16<UInt8> {
            SIMD16<UInt8>(truncatingIfNeeded: (v &* (full &- a) &+ t &* a &+ r128) &>> 8)
        }
        // Luma.
        let ty = SIMD16<UInt16>(repeating: UInt16(colour.y))
        for row in 0..<mh {
            let src = mp + row * mw
            let dst = luma.row(y + row) + x
            var col = 0
            while col + 16 <= mw {
                let c = SIMD16<UInt16>(truncatingIfNeeded: UnsafeRawPointer(src + col).loadUnaligned(as: SIMD16<UInt8>.self))
                if c != .zero {
                    let a = alphaVector(c)
                    let raw = UnsafeMutableRawPointer(dst + col)
                    let v = SIMD16<UInt16>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD16<UInt8>.self))
                    raw.storeBytes(of: mixVector(v, ty, a), as: SIMD16<UInt8>.self)
                }
                col += 16
            }
            while col < mw {
                let c = Int(src[col])
                if c != 0 { dst[col] = Self.mix(Int(dst[col]), Int(colour.y), Self.alpha(c, o)) }
                col += 1
            }
        }
        // Chroma: one sample per 2×2 mask site.
        let tb = SIMD16<UInt16>(repeating: UInt16(colour.cb)), tr = SIMD16<UInt16>(repeating: UInt16(colour.cr))
        let cw = mw / 2, cx = x / 2
        for crow in 0..<(mh / 2) {
            let r0 = mp + 2 * crow * mw, r1 = r0 + mw
            let pb = cb.row(y / 2 + crow) + cx, pr = cr.row(y / 2 + crow) + cx
            var i = 0
            while i + 16 <= cw {
                let a0 = UnsafeRawPointer(r0 + 2 * i).loadUnaligned(as: SIMD32<UInt8>.self)
                let a1 = UnsafeRawPointer(r1 + 2 * i).loadUnaligned(as: SIMD32<UInt8>.self)
                let sum = SIMD16<UInt16>(truncatingIfNeeded: a0.evenHalf) &+ SIMD16<UInt16>(truncatingIfNeeded: a0.oddHalf)
                    &+ SIMD16<UInt16>(truncatingIfNeeded: a1.evenHalf) &+ SIMD16<UInt16>(truncatingIfNeeded: a1.oddHalf)
                if sum != .zero {
                    let a = alphaVector((sum &+ 2) &>> 2)
                    let rb = UnsafeMutableRawPointer(pb + i), rr = UnsafeMutableRawPointer(pr + i)
                    let vb = SIMD16<UInt16>(truncatingIfNeeded: rb.loadUnaligned(as: SIMD16<UInt8>.self))
                    let vr = SIMD16<UInt16>(truncatingIfNeeded: rr.loadUnaligned(as: SIMD16<UInt8>.self))
                    rb.storeBytes(of: mixVector(vb, tb, a), as: SIMD16<UInt8>.self)
                    rr.storeBytes(of: mixVector(vr, tr, a), as: SIMD16<UInt8>.self)
                }
                i += 16
            }
            while i < cw {
                let sum = Int(r0[2 * i]) + Int(r0[2 * i + 1]) + Int(r1[2 * i]) + Int(r1[2 * i + 1])
                if sum != 0 {
                    let a = Self.alpha((sum + 2) >> 2, o)
                    pb[i] = Self.mix(Int(pb[i]), Int(colour.cb), a)
                    pr[i] = Self.mix(Int(pr[i]), Int(colour.cr), a)
                }
                i += 1
            }
        }
    }

    private func blendClipped(
        _ mp: UnsafePointer<UInt8>, maskWidth mw: Int, x: Int, y: Int, target: PixelRect, site: PixelRect,
        colour: YCbCr, o: Int
    ) {
        for row in target.y..<target.maxY {
            let dst = luma.row(row)
            let src = mp + (row - y) * mw - x
            for col in target.x..<target.maxX {
                let c = Int(src[col])
                if c != 0 { dst[col] = Self.mix(Int(dst[col]), Int(colour.y), Self.alpha(c, o)) }
            }
        }
        let cx0 = site.x >> 1, cw = site.width >> 1
        var sums = [Int](repeating: 0, count: cw)
        for crow in (site.y >> 1)..<(site.maxY >> 1) {
            for i in 0..<cw { sums[i] = 0 }
            for row in (crow * 2)..<(crow * 2 + 2) where row >= target.y && row < target.maxY {
                let src = mp + (row - y) * mw - x
                for col in target.x..<target.maxX { sums[(col >> 1) - cx0] += Int(src[col]) }
            }
            let pb = cb.row(crow) + cx0, pr = cr.row(crow) + cx0
            for i in 0..<cw where sums[i] != 0 {
                let a = Self.alpha((sums[i] + 2) >> 2, o)
                pb[i] = Self.mix(Int(pb[i]), Int(colour.cb), a)
                pr[i] = Self.mix(Int(pr[i]), Int(colour.cr), a)
            }
        }
    }

    /// Blends a solid rectangle with the given opacity (1 = opaque fill), with the mask
    /// blend's arithmetic at full coverage: a = round(opacity · 256),
    /// out = (in·(256 − a) + colour·a + 128) >> 8, sixteen samples at a time.
    @discardableResult
    public func blend(_ rect: PixelRect, colour: YCbCr, opacity: Double) -> PixelRect {
        let r = rect.intersection(bounds)
        guard !r.isEmpty, opacity > 0 else { return .empty }
        if opacity >= 1 {
            fill(r, with: colour)
            return r.chromaAligned.intersection(bounds)
        }
        let a = min(256, Int((opacity * 256).rounded()))
        func apply(_ plane: PlaneView, _ target: UInt8, _ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
            let keep = SIMD16<UInt16>(repeating: UInt16(256 - a))
            let add = SIMD16<UInt16>(repeating: UInt16(Int(target) * a + 128))
            for row in y0..<y1 {
                let p = plane.row(row)
                var col = x0
                while col + 16 <= x1 {
                    let raw = UnsafeMutableRawPointer(p + col)
                    let v = SIMD16<UInt16>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD16<UInt8>.self))
                    raw.storeBytes(of: SIMD16<UInt8>(truncatingIfNeeded: (v &* keep &+ add) &>> 8), as: SIMD16<UInt8>.self)
                    col += 16
                }
                while col < x1 {
                    p[col] = Self.mix(Int(p[col]), Int(target), a)
                    col += 1
                }
            }
        }
        apply(luma, colour.y, r.x, r.y, r.maxX, r.maxY)
        let cx0 = r.x >> 1, cy0 = r.y >> 1, cx1 = (r.maxX + 1) >> 1, cy1 = (r.maxY + 1) >> 1
        apply(cb, colour.cb, cx0, cy0, cx1, cy1)
        apply(cr, colour.cr, cx0, cy0, cx1, cy1)
        return r.chromaAligned.intersection(bounds)
    }
}
