import Testing
@testable import Frames

@Suite("BT.601 / BT.709 colour tables")
struct ColourTableTests {
    /// Each table entry equals round(equation) for its R'G'B' value.
    @Test(arguments: ColourStandard.allCases)
    func everyEntryMatchesItsEquation(standard: ColourStandard) {
        let t = ColourTable.table(for: standard)
        #expect(t.standard == standard)
        let rgb: [(YCbCr, Double, Double, Double)] = [
            (t.white75, 0.75, 0.75, 0.75), (t.yellow75, 0.75, 0.75, 0), (t.cyan75, 0, 0.75, 0.75),
            (t.green75, 0, 0.75, 0), (t.magenta75, 0.75, 0, 0.75), (t.red75, 0.75, 0, 0), (t.blue75, 0, 0, 0.75),
            (t.white100, 1, 1, 1), (t.yellow100, 1, 1, 0), (t.cyan100, 0, 1, 1), (t.green100, 0, 1, 0),
            (t.magenta100, 1, 0, 1), (t.red100, 1, 0, 0), (t.blue100, 0, 0, 1), (t.black, 0, 0, 0),
        ]
        for (entry, r, g, b) in rgb {
            // Equation written out independently of ColourStandard.exactCodes.
            let ey = standard.kr * r + (1 - standard.kr - standard.kb) * g + standard.kb * b
            let y = 16 + 219 * ey
            let cb = 128 + 224 * (b - ey) / (2 * (1 - standard.kb))
            let cr = 128 + 224 * (r - ey) / (2 * (1 - standard.kr))
            let expected = YCbCr(y: UInt8((y + 0.5).rounded(.down)), cb: UInt8((cb + 0.5).rounded(.down)), cr: UInt8((cr + 0.5).rounded(.down)))
            #expect(entry == expected, "\(standard) (\(r), \(g), \(b))")
            #expect(standard.encode(r: r, g: g, b: b) == entry)
        }
        for (entry, diff) in [(t.minusI, ColourTable.minusIDifferences), (t.plusQ, ColourTable.plusQDifferences)] {
            let codes = standard.exactCodes(luma: 0, blueDifference: diff.blue, redDifference: diff.red)
            #expect(entry == YCbCr(y: 16, cb: ColourStandard.quantise(codes.cb), cr: ColourStandard.quantise(codes.cr)))
        }
        #expect(t.plugeBelowBlack == YCbCr(y: ColourStandard.lumaCode(level: -0.04), cb: 128, cr: 128))
        #expect(t.plugeAboveBlack == YCbCr(y: ColourStandard.lumaCode(level: 0.04), cb: 128, cr: 128))
    }

    @Test func wellKnownValues() {
        #expect(ColourTable.bt709.yellow75 == YCbCr(y: 168, cb: 44, cr: 136))
        #expect(ColourTable.bt709.blue75 == YCbCr(y: 28, cb: 212, cr: 120))
        #expect(ColourTable.bt601.yellow75 == YCbCr(y: 162, cb: 44, cr: 142))
        #expect(ColourTable.bt601.white100 == YCbCr(y: 235, cb: 128, cr: 128))
        #expect(ColourTable.bt601.plugeBelowBlack.y == 7)
        #expect(ColourTable.bt601.plugeAboveBlack.y == 25)
    }

    @Test func standardFollowsPictureHeight() {
        #expect(ColourStandard.forPicture(height: 720) == .bt709)
        #expect(ColourStandard.forPicture(height: 1080) == .bt709)
        #expect(ColourStandard.forPicture(height: 576) == .bt601)
        #expect(ColourStandard.forPicture(height: 360) == .bt601)
    }
}

@Suite("Decoding Y'CbCr for snapshots")
struct ColourDecodingTests {
    @Test(arguments: ColourStandard.allCases)
    func decodingInvertsEncoding(_ standard: ColourStandard) {
        let colours: [(Double, Double, Double)] = [
            (0.75, 0.75, 0.75), (0.75, 0.75, 0), (0, 0.75, 0.75), (0, 0.75, 0), (0.75, 0, 0.75),
            (0.75, 0, 0), (0, 0, 0.75), (1, 1, 1), (0, 0, 0), (0.2, 0.5, 0.9),
        ]
        for (r, g, b) in colours {
            let code = standard.encode(r: r, g: g, b: b)
            let back = standard.decode(y: code.y, cb: code.cb, cr: code.cr)
            // 8-bit quantisation of Y'CbCr moves R'G'B' by at most about 1.5 %.
            #expect(abs(back.r - r) < 0.015 && abs(back.g - g) < 0.015 && abs(back.b - b) < 0.015,
                    "\(standard) \(r),\(g),\(b) -> \(code) -> \(back)")
        }
    }

    @Test func snapshotPixelsAreDecodedWithThePicturesMatrix() {
        let buffer = PictureBuffer(width: 4, height: 2)
        buffer.view.fill(ColourStandard.bt709.encode(r: 0.75, g: 0.75, b: 0))
        let rgb = PNGSnapshot.rgb(buffer.view, standard: .bt709)
        #expect(rgb.count == 4 * 2 * 3)
        for pixel in stride(from: 0, to: rgb.count, by: 3) {
            #expect(abs(Int(rgb[pixel]) - 191) <= 2 && abs(Int(rgb[pixel + 1]) - 191) <= 2 && rgb[pixel + 2] <= 2,
                    "\(rgb[pixel..<pixel + 3])")
        }
    }
}
