import Frames

/// Re-expresses a limited-range BT.601 or BT.709 picture in the Y'CbCr a JPEG decoder
/// assumes: JFIF's full-range BT.601 (JFIF 1.02 §"Conversion to and from RGB"):
///
///     Y  = 255·E'Y            Cb = 128 + 255·E'Cb            Cr = 128 + 255·E'Cr
///
/// with E'Y, E'Cb, E'Cr from the BT.601 equations (Kr = 0.299, Kb = 0.114).
///
/// The conversion stays in Y'CbCr; no R'G'B' picture is made. Both matrices are linear in
/// R'G'B', so the target components are a fixed 3×3 mix of the source ones: a grey stays
/// grey, so target chroma depends only on source chroma, and target luma is source luma
/// plus a small chroma term. Chroma is converted sample by sample at its own 4:2:0
/// resolution; luma takes the chroma term from the sample co-sited with its 2×2 block.
/// The coefficients are 16.16 fixed point; each output is rounded once and clamped to 0...255.
struct JFIFConversion {
    /// Fixed-point scale: 1.0 is `1 << shift`.
    static let shift = 16
    static let half = 1 << (shift - 1)

    // Y_out = (Y − 16)·lumaFromLuma + (Cb − 128)·lumaFromCb + (Cr − 128)·lumaFromCr
    let lumaFromLuma: Int
    let lumaFromCb: Int
    let lumaFromCr: Int
    // Cb_out − 128 = (Cb − 128)·cbFromCb + (Cr − 128)·cbFromCr, and likewise for Cr_out.
    let cbFromCb: Int
    let cbFromCr: Int
    let crFromCb: Int
    let crFromCr: Int

    init(source: ColourStandard) {
        let target = ColourStandard.bt601
        // The normalised target components (E'Y, E'Cb, E'Cr) of normalised source ones,
        // through R'G'B' without clamping (ColourStandard's equations, solved for R'G'B').
        func convert(_ ey: Double, _ ecb: Double, _ ecr: Double) -> (Double, Double, Double) {
            let r = ey + 2 * (1 - source.kr) * ecr
            let b = ey + 2 * (1 - source.kb) * ecb
            let g = (ey - source.kr * r - source.kb * b) / (1 - source.kr - source.kb)
            let ty = target.kr * r + (1 - target.kr - target.kb) * g + target.kb * b
            return (ty, (b - ty) / (2 * (1 - target.kb)), (r - ty) / (2 * (1 - target.kr)))
        }
        let one = Double(1 << Self.shift)
        // Source codes to normalised values: E'Y = (Y − 16)/219, E'Cb = (Cb − 128)/224.
        // Normalised values to JFIF codes: ×255.
        let lumaScale = 255.0 / 219.0 * one, chromaScale = 255.0 / 224.0 * one
        let fromCb = convert(0, 1, 0), fromCr = convert(0, 0, 1)
        lumaFromLuma = Int((convert(1, 0, 0).0 * lumaScale).rounded())
        lumaFromCb = Int((fromCb.0 * chromaScale).rounded())
        lumaFromCr = Int((fromCr.0 * chromaScale).rounded())
        cbFromCb = Int((fromCb.1 * chromaScale).rounded())
        cbFromCr = Int((fromCr.1 * chromaScale).rounded())
        crFromCb = Int((fromCb.2 * chromaScale).rounded())
        crFromCr = Int((fromCr.2 * chromaScale).rounded())
    }

    @inline(__always)
    private static func clamp(_ fixed: Int) -> UInt8 {
        let value = (fixed + half) >> shift
        return UInt8(truncatingIfNeeded: min(255, max(0, value)))
    }

    /// Writes the converted `source` into `target` (same size). `lumaChroma` is scratch
    /// space of at least `source.width / 2` entries.
    func convert(_ source: PictureView, into target: PictureView, lumaChroma: UnsafeMutableBufferPointer<Int>) {
        precondition(source.width == target.width && source.height == target.height, "picture sizes differ")
        precondition(lumaChroma.count >= source.cb.width, "scratch row too short")
        let chromaWidth = source.cb.width
        for cy in 0..<source.cb.height {
            let cbIn = source.cb.row(cy), crIn = source.cr.row(cy)
            let cbOut = target.cb.row(cy), crOut = target.cr.row(cy)
            for cx in 0..<chromaWidth {
                let cb = Int(cbIn[cx]) - 128, cr = Int(crIn[cx]) - 128
                cbOut[cx] = Self.clamp((128 << Self.shift) + cb * cbFromCb + cr * cbFromCr)
                crOut[cx] = Self.clamp((128 << Self.shift) + cb * crFromCb + cr * crFromCr)
                lumaChroma[cx] = cb * lumaFromCb + cr * lumaFromCr
            }
            for y in (2 * cy)..<(2 * cy + 2) {
                let lumaIn = source.luma.row(y), lumaOut = target.luma.row(y)
                for x in 0..<source.width {
                    lumaOut[x] = Self.clamp((Int(lumaIn[x]) - 16) * lumaFromLuma + lumaChroma[x >> 1])
                }
            }
        }
    }
}
