import Testing
@testable import Frames

@Suite("Colour bars")
struct BarsTests {
    static let sizes = [(640, 360), (1280, 720), (720, 576), (1920, 1080)]

    @Test(arguments: sizes)
    func smpteBarCentres(size: (Int, Int)) {
        let (w, h) = size
        let t = ColourTable.table(for: ColourStandard.forPicture(height: h))
        let p = render(SMPTEBars(region: PixelRect(x: 0, y: 0, width: w, height: h), table: t), width: w, height: h)
        let col = Double(w) / 7
        // Band 1 (top two thirds): 75% bars; sample at a third of the height.
        let top = [t.white75, t.yellow75, t.cyan75, t.green75, t.magenta75, t.red75, t.blue75]
        for (i, c) in top.enumerated() {
            #expect(colour(p, x: Int((Double(i) + 0.5) * col), y: h / 3) == c, "band 1 bar \(i)")
        }
        // Band 2 (2/3 ... 3/4): reverse blue bars.
        let reverse = [t.blue75, t.black, t.magenta75, t.black, t.cyan75, t.black, t.white75]
        let y2 = Int(Double(h) * (2.0 / 3 + 3.0 / 4) / 2)
        for (i, c) in reverse.enumerated() {
            #expect(colour(p, x: Int((Double(i) + 0.5) * col), y: y2) == c, "band 2 bar \(i)")
        }
        // Band 3 (bottom quarter): −I, white, +Q, black (each 5/4 bar), PLUGE, black.
        let y3 = Int(Double(h) * 7 / 8)
        let block = Double(w) * 5 / 28
        for (i, c) in [t.minusI, t.white100, t.plusQ, t.black].enumerated() {
            #expect(colour(p, x: Int((Double(i) + 0.5) * block), y: y3) == c, "band 3 block \(i)")
        }
        let pluge = Double(w) / 21
        for (i, c) in [t.plugeBelowBlack, t.black, t.plugeAboveBlack].enumerated() {
            #expect(colour(p, x: Int((15 + Double(i) + 0.5) * pluge), y: y3) == c, "PLUGE \(i)")
        }
        #expect(colour(p, x: Int(6.5 * col), y: y3) == t.black)
    }

    @Test(arguments: sizes)
    func ebuBarCentres(size: (Int, Int)) {
        let (w, h) = size
        let t = ColourTable.table(for: ColourStandard.forPicture(height: h))
        let region = PixelRect(x: 0, y: 0, width: w, height: h)
        let p75 = render(EBUBars(region: region, table: t, amplitude: .percent75), width: w, height: h)
        let p100 = render(EBUBars(region: region, table: t, amplitude: .percent100), width: w, height: h)
        let expected75 = [t.white100, t.yellow75, t.cyan75, t.green75, t.magenta75, t.red75, t.blue75, t.black]
        let expected100 = [t.white100, t.yellow100, t.cyan100, t.green100, t.magenta100, t.red100, t.blue100, t.black]
        for i in 0..<8 {
            let x = Int((Double(i) + 0.5) * Double(w) / 8)
            #expect(colour(p75, x: x, y: h / 2) == expected75[i], "EBU 75% bar \(i)")
            #expect(colour(p100, x: x, y: h / 2) == expected100[i], "EBU 100% bar \(i)")
        }
    }

    @Test(arguments: [(1920, 1080), (1280, 720)])
    func rp219BarCentres(size: (Int, Int)) {
        let (w, h) = size
        let t = ColourTable.bt709
        let p = render(SMPTEHDBars(region: PixelRect(x: 0, y: 0, width: w, height: h), table: t), width: w, height: h)
        let d = Double(w) / 8, c = Double(w) * 3 / 28
        func barX(_ i: Double) -> Int { Int(d + (i + 0.5) * c) }
        func rowY(_ twelfths: Double) -> Int { Int(Double(h) * twelfths / 12) }
        // Band 1
        #expect(colour(p, x: Int(d / 2), y: rowY(3)) == YCbCr(y: 104, cb: 128, cr: 128))
        for (i, expected) in t.bars75.enumerated() { #expect(colour(p, x: barX(Double(i)), y: rowY(3)) == expected, "bar \(i)") }
        #expect(colour(p, x: w - Int(d / 2), y: rowY(3)) == YCbCr(y: 104, cb: 128, cr: 128))
        // Band 2
        #expect(colour(p, x: Int(d / 2), y: rowY(7.5)) == t.cyan100)
        #expect(colour(p, x: barX(3), y: rowY(7.5)) == t.white75)
        #expect(colour(p, x: w - Int(d / 2), y: rowY(7.5)) == t.blue100)
        // Band 3: yellow, a ramp rising left to right, red
        #expect(colour(p, x: Int(d / 2), y: rowY(8.5)) == t.yellow100)
        #expect(colour(p, x: w - Int(d / 2), y: rowY(8.5)) == t.red100)
        #expect(p.view.luma[barX(0), rowY(8.5)] < p.view.luma[barX(6), rowY(8.5)])
        #expect(p.view.luma[Int(d), rowY(8.5)] == 16 && p.view.luma[Int(d + 7 * c) - 1, rowY(8.5)] == 235)
        // Band 4, positions in sixths of a bar after the left panel
        let band4: [(Double, YCbCr)] = [
            (4.5, t.black), (15, t.white100), (23.5, t.black), (27, YCbCr(y: 12, cb: 128, cr: 128)), (29, t.black),
            (31, YCbCr(y: 20, cb: 128, cr: 128)), (33, t.black), (35, YCbCr(y: 25, cb: 128, cr: 128)), (39, t.black),
        ]
        for (sixth, expected) in band4 {
            #expect(colour(p, x: Int(d + sixth * c / 6), y: rowY(10.5)) == expected, "band 4 at \(sixth)/6")
        }
        #expect(colour(p, x: Int(d / 2), y: rowY(10.5)) == YCbCr(y: 49, cb: 128, cr: 128))
    }

    /// Every bar edge sits on an even column, so no chroma sample straddles two bars.
    @Test func barEdgesAreChromaAligned() {
        let bars = SMPTEBars(region: PixelRect(x: 0, y: 0, width: 1278, height: 718), table: .bt601)
        for patch in bars.patches {
            #expect(patch.rect.x % 2 == 0 && patch.rect.width % 2 == 0 && patch.rect.y % 2 == 0 && patch.rect.height % 2 == 0)
        }
    }
}
