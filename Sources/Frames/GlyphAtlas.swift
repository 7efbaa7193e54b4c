import CFreeType

/// Every glyph a font renders for the Latin-1 range at one pixel size, rasterised once by
/// FreeType into 8-bit coverage bitmaps packed into a single buffer.
///
/// Building an atlas is slow (milliseconds); drawing text from it is a copy per glyph.
/// Use `GlyphAtlasCache.shared` to get one, so each (font, size) is rasterised once per
/// process. An atlas is immutable and can be shared between threads.
public final class GlyphAtlas: Sendable {
    /// Where one glyph's bitmap lives in `coverage` and how to place it.
    public struct Glyph: Sendable {
        /// Offset of the first row in `coverage`; rows are `width` bytes apart.
        public var offset: Int
        public var width: Int
        public var height: Int
        /// Pen-relative position of the bitmap's left edge (FreeType `bitmap_left`).
        public var left: Int
        /// Distance from the baseline up to the bitmap's top row (`bitmap_top`).
        public var top: Int
        /// Horizontal pen advance in whole pixels.
        public var advance: Int
    }

    public let fontPath: String
    public let pixelSize: Int
    /// Pixels from the top of a line to the baseline.
    public let ascender: Int
    /// Pixels from the top of one line to the top of the next.
    public let lineHeight: Int
    /// Packed coverage bitmaps of every glyph.
    public let coverage: [UInt8]
    /// Glyphs indexed by Unicode scalar value 0...255 (nil where the font has none).
    public let glyphs: [Glyph?]

    /// Rasterises code points 32...126 and 160...255 of the font at `pixelSize` pixels per em.
    public init(fontPath: String, pixelSize: Int) throws(FontError) {
        guard pixelSize >= 4, pixelSize <= 1024 else {
            throw FontError(path: fontPath, message: "pixel size \(pixelSize) is outside 4...1024")
        }
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw FontError(path: fontPath, message: "FreeType failed to initialise")
        }
        defer { FT_Done_FreeType(library) }
        var faceOut: FT_Face?
        guard FT_New_Face(library, fontPath, 0, &faceOut) == 0, let face = faceOut else {
            throw FontError(path: fontPath, message: "FreeType cannot open the font file")
        }
        defer { FT_Done_Face(face) }
        guard FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelSize)) == 0 else {
            throw FontError(path: fontPath, message: "the font has no \(pixelSize) px size")
        }
        let metrics = face.pointee.size.pointee.metrics
        // Size metrics are 26.6 fixed point; round up so no glyph is clipped.
        let ascender = Int((metrics.ascender + 63) >> 6)
        let descender = Int((-metrics.descender + 63) >> 6)

        var coverage: [UInt8] = []
        var glyphs = [Glyph?](repeating: nil, count: 256)
        for code in Array(32...126) + Array(160...255) {
            guard FT_Load_Char(face, FT_ULong(code), FT_Int32(FT_LOAD_RENDER)) == 0 else { continue }
            let slot = face.pointee.glyph.pointee
            let bitmap = slot.bitmap
            let w = Int(bitmap.width), h = Int(bitmap.rows)
            let offset = coverage.count
            if w > 0, h > 0, let buffer = bitmap.buffer {
                let pitch = Int(bitmap.pitch)
                for row in 0..<h {
                    let start = pitch >= 0 ? row * pitch : (h - 1 - row) * -pitch
                    coverage.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: w))
                }
            }
            glyphs[code] = Glyph(
                offset: offset, width: w, height: h,
                left: Int(slot.bitmap_left), top: Int(slot.bitmap_top),
                advance: Int((slot.advance.x + 32) >> 6)
            )
        }
        guard glyphs[Int(UInt8(ascii: "0"))] != nil else {
            throw FontError(path: fontPath, message: "the font has no digits")
        }
        self.fontPath = fontPath
        self.pixelSize = pixelSize
        self.ascender = ascender
        self.lineHeight = ascender + descender
        self.coverage = coverage
        self.glyphs = glyphs
    }

    /// The glyph for a scalar, falling back to "?" for anything outside the atlas.
    @inline(__always)
    public func glyph(for scalar: Unicode.Scalar) -> Glyph? {
        let v = Int(scalar.value)
        if v < 256, let g = glyphs[v] { return g }
        return glyphs[Int(UInt8(ascii: "?"))]
    }

    /// The width in pixels of a line of text (sum of advances).
    public func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (glyph(for: $1)?.advance ?? 0) }
    }

    /// Rasterises one line of text into `mask`, which is resized to hold it: the sum of
    /// the advances (plus any overhang of the last glyph) wide and `lineHeight` tall, each
    /// rounded up to an even number so the mask covers whole chroma sites. The baseline is
    /// `ascender` pixels from the top. Overlapping glyphs keep the larger coverage.
    public func render(_ text: String, into mask: inout CoverageMask) {
        var extent = 0, pen = 0
        for s in text.unicodeScalars {
            guard let g = glyph(for: s) else { continue }
            extent = max(extent, pen + g.left + g.width, pen + g.advance)
            pen += g.advance
        }
        mask.reset(width: (extent + 1) & ~1, height: (lineHeight + 1) & ~1)
        pen = 0
        let maskWidth = mask.width, maskHeight = mask.height
        coverage.withUnsafeBufferPointer { src in
            mask.storage.withUnsafeMutableBufferPointer { dst in
                let sp = src.baseAddress!, dp = dst.baseAddress!
                for s in text.unicodeScalars {
                    guard let g = glyph(for: s) else { continue }
                    let x0 = pen + g.left, y0 = ascender - g.top
                    pen += g.advance
                    // Clip the glyph to the mask once, then copy rows.
                    let c0 = max(0, -x0), c1 = min(g.width, maskWidth - x0)
                    let r0 = max(0, -y0), r1 = min(g.height, maskHeight - y0)
                    guard c1 > c0, r1 > r0 else { continue }
                    for row in r0..<r1 {
                        let from = sp + g.offset + row * g.width
                        let to = dp + (y0 + row) * maskWidth + x0
                        // Sixteen samples at a time, then the rest one by one.
                        var col = c0
                        while col + 16 <= c1 {
                            let a = UnsafeRawPointer(from + col).loadUnaligned(as: SIMD16<UInt8>.self)
                            let b = UnsafeMutableRawPointer(to + col)
                            b.storeBytes(of: pointwiseMax(a, b.loadUnaligned(as: SIMD16<UInt8>.self)), as: SIMD16<UInt8>.self)
                            col += 16
                        }
                        while col < c1 {
                            if from[col] > to[col] { to[col] = from[col] }
                            col += 1
                        }
                    }
                }
            }
        }
    }
}

/// A font that could not be found, opened or rasterised.
public struct FontError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
