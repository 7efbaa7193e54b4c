import Frames
import Testing
@testable import JPEG

/// Limited-range BT.601 and BT.709 colours re-expressed as JFIF full-range BT.601 decode,
/// with JFIF's equations, to the R'G'B' the source colour means.
@Suite
struct JFIFConversionTests {
    /// JFIF 1.02's decoding equations, to R'G'B' code values 0...255 (unclamped).
    static func jfifToRGB(_ y: UInt8, _ cb: UInt8, _ cr: UInt8) -> (Double, Double, Double) {
        let y = Double(y), cb = Double(cb) - 128, cr = Double(cr) - 128
        return (y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb)
    }

    static func colours(_ table: ColourTable) -> [(String, YCbCr)] {
        [("white75", table.white75), ("yellow75", table.yellow75), ("cyan75", table.cyan75),
         ("green75", table.green75), ("magenta75", table.magenta75), ("red75", table.red75),
         ("blue75", table.blue75), ("white100", table.white100), ("red100", table.red100),
         ("green100", table.green100), ("blue100", table.blue100), ("black", table.black),
         ("-I", table.minusI), ("+Q", table.plusQ), ("PLUGE -4%", table.plugeBelowBlack),
         ("PLUGE +4%", table.plugeAboveBlack)]
    }

    /// Whether the colour's unclamped R'G'B' lies in [0, 1] (a hair of rounding allowed).
    static func insideGamut(_ c: YCbCr, _ standard: ColourStandard) -> Bool {
        let ey = (Double(c.y) - 16) / 219, ecb = (Double(c.cb) - 128) / 224, ecr = (Double(c.cr) - 128) / 224
        let r = ey + 2 * (1 - standard.kr) * ecr, b = ey + 2 * (1 - standard.kb) * ecb
        let g = (ey - standard.kr * r - standard.kb * b) / (1 - standard.kr - standard.kb)
        return [r, g, b].allSatisfy { $0 > -0.01 && $0 < 1.01 }
    }

    @Test(arguments: ColourStandard.allCases)
    func flatColoursKeepTheirRGB(standard: ColourStandard) {
        let conversion = JFIFConversion(source: standard)
        let source = PictureBuffer(width: 2, height: 2), target = PictureBuffer(width: 2, height: 2)
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: 1)
        defer { scratch.deallocate() }
        for (name, colour) in Self.colours(ColourTable.table(for: standard)) {
            source.view.fill(colour)
            conversion.convert(source.view, into: target.view, lumaChroma: scratch)
            let out = YCbCr(y: target.view.luma[0, 0], cb: target.view.cb[0, 0], cr: target.view.cr[0, 0])
            let expected = standard.decode(y: colour.y, cb: colour.cb, cr: colour.cr)
            let got = Self.jfifToRGB(out.y, out.cb, out.cr)
            // One code of rounding in each output component moves R'G'B' by at most about
            // 1.8 codes (the Cb→B' factor); decoders clamp, so compare clamped. Colours
            // outside the R'G'B' cube (−I, +Q, PLUGE −4%) may need a JFIF luma below 0,
            // which clamps too and shifts the other components a little further.
            let tolerance = Self.insideGamut(colour, standard) ? 2.0 : 4.0
            func clamp(_ v: Double) -> Double { min(255, max(0, v)) }
            #expect(abs(clamp(got.0) - expected.r * 255) <= tolerance, "\(standard) \(name) R: \(got.0) vs \(expected.r * 255)")
            #expect(abs(clamp(got.1) - expected.g * 255) <= tolerance, "\(standard) \(name) G: \(got.1) vs \(expected.g * 255)")
            #expect(abs(clamp(got.2) - expected.b * 255) <= tolerance, "\(standard) \(name) B: \(got.2) vs \(expected.b * 255)")
        }
    }

    @Test
    func limitedBlackAndWhiteStretchToFullRange() {
        for standard in ColourStandard.allCases {
            let conversion = JFIFConversion(source: standard)
            let source = PictureBuffer(width: 4, height: 2), target = PictureBuffer(width: 4, height: 2)
            let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
            defer { scratch.deallocate() }
            let view = source.view
            view.cb.fill(128)
            view.cr.fill(128)
            for (x, y) in [(0, 16), (1, 235), (2, 126), (3, 7)] { view.luma[x, 0] = UInt8(y); view.luma[x, 1] = UInt8(y) }
            conversion.convert(view, into: target.view, lumaChroma: scratch)
            #expect((0..<4).map { target.view.luma[$0, 0] } == [0, 255, 128, 0], "\(standard)")
            #expect(target.view.cb[0, 0] == 128 && target.view.cr[1, 0] == 128, "\(standard): grey stays grey")
        }
    }

    @Test
    func bt601ChromaIsOnlyRescaled() {
        let conversion = JFIFConversion(source: .bt601)
        #expect(conversion.cbFromCr == 0 && conversion.crFromCb == 0)
        #expect(conversion.lumaFromCb == 0 && conversion.lumaFromCr == 0)
        // BT.709 chroma mixes into BT.601 luma: its red-difference weight is the larger.
        let hd = JFIFConversion(source: .bt709)
        #expect(hd.lumaFromCr > 0 && hd.lumaFromCb > 0 && hd.lumaFromCr > hd.lumaFromCb)
    }
}
