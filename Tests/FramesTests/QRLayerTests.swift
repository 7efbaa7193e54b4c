import Testing
@testable import Frames

@Suite("QR code layer")
struct QRLayerTests {
    static let grey: UInt8 = 126

    /// Draws `layer` over mid-grey into a new picture, through a renderer.
    func draw(_ layer: QRLayer, width: Int = 320, height: Int = 240, frame: Int64 = 0) -> PictureBuffer {
        let picture = PictureBuffer(width: width, height: height)
        let background = SolidColour(
            region: PixelRect(x: 0, y: 0, width: width, height: height), colour: YCbCr(y: Self.grey, cb: 100, cr: 150),
            opacity: 1)
        SceneRenderer(width: width, height: height, layers: [background, layer])
            .render(into: picture.view, context: context(frame: frame))
        return picture
    }

    /// The module at (mx, my) as the picture shows it: every one of its pixels must agree.
    func module(_ p: PictureBuffer, _ layer: QRLayer, _ mx: Int, _ my: Int) -> Bool? {
        let origin = layer.quietZone * layer.moduleSize
        var values = Set<UInt8>()
        for dy in 0..<layer.moduleSize {
            for dx in 0..<layer.moduleSize {
                values.insert(p.view.luma[layer.x + origin + mx * layer.moduleSize + dx, layer.y + origin + my * layer.moduleSize + dy])
            }
        }
        guard values.count == 1 else { return nil }
        return values.first == layer.dark
    }

    @Test(arguments: [(1, 4, 10, 20), (3, 4, 10, 20), (4, 2, 64, 8), (5, 0, 0, 0)])
    func modulesArePlacedOnTheirGrid(moduleSize: Int, quietZone: Int, x: Int, y: Int) throws {
        let layer = QRLayer(template: try TextTemplate("CAMSIM 42"), x: x, y: y, moduleSize: moduleSize, quietZone: quietZone)
        let p = draw(layer)
        let symbol = try #require(QRSymbol("CAMSIM 42", errorCorrection: .medium))
        #expect(layer.version == symbol.version)
        #expect(symbol.size == 17 + 4 * symbol.version)
        // Every module shows the symbol's colour, all of its pixels alike.
        var wrong = 0
        for my in 0..<symbol.size {
            for mx in 0..<symbol.size where module(p, layer, mx, my) != symbol[x: mx, y: my] { wrong += 1 }
        }
        #expect(wrong == 0)
        // The three finder patterns (ISO/IEC 18004 §6.3.3): a dark 7×7 ring, a light ring,
        // a dark 3×3 centre, at the top-left, top-right and bottom-left corners.
        for (fx, fy) in [(0, 0), (symbol.size - 7, 0), (0, symbol.size - 7)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    #expect(module(p, layer, fx + dx, fy + dy) == (ring != 2), "finder at (\(fx), \(fy)) module (\(dx), \(dy))")
                }
            }
        }
        // The quiet zone is light; around the rectangle the background is untouched.
        let rect = layer.rect(forVersion: symbol.version)
        let inner = quietZone * moduleSize
        for py in rect.y..<rect.maxY {
            for px in rect.x..<rect.maxX where px < rect.x + inner || py < rect.y + inner
                || px >= rect.x + inner + symbol.size * moduleSize || py >= rect.y + inner + symbol.size * moduleSize {
                if p.view.luma[px, py] != layer.light { Issue.record("quiet zone pixel (\(px), \(py))"); return }
            }
        }
        for py in 0..<240 {
            for px in 0..<320 where !rect.contains(x: px, y: py) {
                if colour(p, x: px, y: py) != YCbCr(y: Self.grey, cb: 100, cr: 150) && !rect.chromaAligned.contains(x: px, y: py) {
                    Issue.record("background pixel (\(px), \(py)) changed"); return
                }
            }
        }
        // Black and white carry no colour.
        #expect(colour(p, x: rect.x + 1, y: rect.y + 1).cb == 128 && colour(p, x: rect.maxX - 1, y: rect.maxY - 1).cr == 128)
    }

    @Test(arguments: [0, 1, 4, 7])
    func quietZoneSetsTheSymbolsOffsetAndTheRectangle(quietZone: Int) throws {
        let layer = QRLayer(template: try TextTemplate("Q"), x: 8, y: 8, moduleSize: 3, quietZone: quietZone)
        let p = draw(layer)
        let side = (21 + 2 * quietZone) * 3
        #expect(layer.version == 1)
        #expect(layer.rect(forVersion: 1) == PixelRect(x: 8, y: 8, width: side + side % 2, height: side + side % 2))
        // The first dark pixel along the diagonal is the finder's corner.
        let firstDark = (0..<side).first { p.view.luma[8 + $0, 8 + $0] == layer.dark }
        #expect(firstDark == quietZone * 3)
        // Odd sides are grown by one light column and row, to whole chroma sites.
        if side % 2 == 1 {
            #expect(p.view.luma[8 + side, 8 + 10] == layer.light)
            #expect(p.view.luma[8 + side + 1, 8 + 10] == Self.grey)
        } else {
            #expect(p.view.luma[8 + side, 8 + 10] == Self.grey)
        }
    }

    /// The format information (ISO/IEC 18004 §7.9) carries the level: bits 14 and 13,
    /// XORed with 1 and 0 by the format mask, are 01 for L, 00 for M, 11 for Q, 10 for H.
    /// Both copies are read from the picture, and the whole word checked against its
    /// BCH(15, 5) code.
    @Test(arguments: QRErrorCorrection.allCases)
    func errorCorrectionLevelIsEncoded(level: QRErrorCorrection) throws {
        let layer = QRLayer(template: try TextTemplate("2026-01-01T00:00:00.000Z 0"), x: 0, y: 0, moduleSize: 2, errorCorrection: level)
        let p = draw(layer)
        let size = 17 + 4 * layer.version
        func bit(_ mx: Int, _ my: Int) throws -> Int { try #require(module(p, layer, mx, my)) ? 1 : 0 }
        // First copy: bits 0-5 down column 8, 6 at row 7, 7 at (8, 8), 8 at (7, 8), 9-14 along row 8 leftwards.
        var first = 0, second = 0
        for i in 0...5 { first |= try bit(8, i) << i }
        first |= try bit(8, 7) << 6 | bit(8, 8) << 7 | bit(7, 8) << 8
        for i in 9..<15 { first |= try bit(14 - i, 8) << i }
        // Second copy: bits 0-7 along row 8 from the right edge, 8-14 down column 8 at the bottom.
        for i in 0..<8 { second |= try bit(size - 1 - i, 8) << i }
        for i in 8..<15 { second |= try bit(8, size - 15 + i) << i }
        #expect(first == second)
        let word = first ^ 0x5412
        var remainder = word >> 10
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        #expect(word & 0x3FF == remainder & 0x3FF, "format BCH bits")
        let levelBits = word >> 13
        let expected = ["L": 1, "M": 0, "Q": 3, "H": 2][level.rawValue]
        #expect(levelBits == expected)
        // A dark module always sits above the bottom-left finder's format bits.
        #expect(try bit(8, size - 8) == 1)
    }

    @Test func higherLevelsNeedLargerSymbols() throws {
        let text = "2026-01-01T00:00:00.000Z 123456 camsim timecode"
        let versions = try QRErrorCorrection.allCases.map { try #require(QRSymbol(text, errorCorrection: $0)).version }
        #expect(versions == versions.sorted())
        #expect(versions.first! < versions.last!)
    }

    @Test func textThatDoesNotFitEncodesNothing() {
        #expect(QRSymbol(String(repeating: "x", count: 3000), errorCorrection: .high) == nil)
        #expect(QRSymbol("a\u{0}b", errorCorrection: .low) == nil)
    }

    /// A text change redraws the QR's rectangle and nothing else: a pixel poked outside it
    /// after one frame is still there after the next, and the rectangle matches a fresh
    /// drawing of the next frame.
    @Test func textChangeRedrawsOnlyItsRectangle() throws {
        let yaml = """
            background:
              type: ramp
            layers:
              - type: text
                template: "{camera}"
                x: 0.05
                y: 0.8
              - type: qr
                template: "{time:%Y-%m-%dT%H:%M:%S.%fZ} {frame}"
                x: 0.5
                y: 0.1
                module_size: 3
            """
        let scene = try Scene.parse(yaml: yaml, file: "qr.yaml")
        let renderer = try scene.makeSceneRenderer(width: 320, height: 240)
        #expect(renderer.staticPrefix == 2)
        let qr = try #require(renderer.layers.last as? QRLayer)
        let picture = PictureBuffer(width: 320, height: 240)
        renderer.render(into: picture.view, context: context(frame: 0))
        let rect = qr.rect(forVersion: qr.version)
        let before = picture.array
        // Poke every luma sample outside the rectangle.
        for y in 0..<240 { for x in 0..<320 where !rect.contains(x: x, y: y) { picture.view.luma[x, y] ^= 0x55 } }
        let poked = picture.array
        renderer.render(into: picture.view, context: context(frame: 1))
        let fresh = try renderFresh(scene, width: 320, height: 240, frame: 1)
        var outsideKept = true, insideFresh = true
        for y in 0..<240 {
            for x in 0..<320 {
                let i = y * 320 + x
                if rect.contains(x: x, y: y) {
                    if picture.array[i] != fresh.array[i] { insideFresh = false }
                } else if picture.array[i] != poked[i] {
                    outsideKept = false
                }
            }
        }
        #expect(outsideKept)
        #expect(insideFresh)
        // And the rectangle did change: frame 1's symbol is not frame 0's.
        #expect(picture.array != before)
        #expect(try lumaBytes(picture, rect) != lumaBytes(renderFresh(scene, width: 320, height: 240, frame: 0), rect))
    }

    @Test func theSymbolIsEncodedOnlyWhenTheTextChanges() throws {
        let layer = QRLayer(template: try TextTemplate("{time:%H:%M:%S}"), x: 0, y: 0, moduleSize: 2)
        let picture = PictureBuffer(width: 160, height: 120)
        // 30 fps: frames 0-29 share a second, 30-59 the next.
        for n: Int64 in 0..<60 { _ = layer.draw(into: picture.view, context: context(frame: n)) }
        #expect(layer.encodeCount == 2)
        let stillLayer = QRLayer(template: try TextTemplate("{camera}"), x: 0, y: 0, moduleSize: 2)
        #expect(stillLayer.isStatic)
        #expect(!layer.isStatic)
    }

    @Test func clippedAtTheFrameEdge() throws {
        let layer = QRLayer(template: try TextTemplate("EDGE"), x: 300, y: 220, moduleSize: 4)
        let p = draw(layer)
        // Only the quiet zone's corner fits; it is light and nothing is written outside.
        #expect(p.view.luma[310, 230] == layer.light)
        #expect(p.view.luma[298, 230] == Self.grey)
    }
}

@Suite("QR layer sizes")
struct QRLayerSizeTests {
    /// A module size beyond the frame is held to the frame's height, so a typo cannot ask
    /// for gigabytes of pixels.
    @Test func moduleSizeIsAtMostTheFrameHeight() throws {
        let scene = try Scene.parse(
            yaml: "background: {type: solid}\nlayers:\n  - type: qr\n    template: \"{frame}\"\n    module_size: 99999999999\n",
            file: "qr.yaml")
        let renderer = try scene.makeSceneRenderer(width: 64, height: 48)
        let qr = try #require(renderer.layers.last as? QRLayer)
        #expect(qr.moduleSize == 48)
        let picture = PictureBuffer(width: 64, height: 48)
        renderer.render(into: picture.view, context: context(frame: 1))
        // Only the light quiet zone fits in the frame.
        #expect(picture.view.luma[63, 47] == qr.light)
    }
}
