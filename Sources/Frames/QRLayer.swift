/// A text template drawn as a QR code, so that a decoder can read the frame's time or
/// number back from the picture.
///
/// The symbol is encoded and rasterised only when the text changes; each frame then
/// copies the cached luma rows into the picture and sets the chroma under it to
/// neutral. It covers a fixed rectangle for a given symbol version: the modules plus
/// `quietZone` light modules on every side, grown to even pixels on the right and
/// bottom so that it covers whole 4:2:0 chroma sites.
public final class QRLayer: SceneLayer {
    public let template: TextTemplate
    /// Top-left corner of the quiet zone, rounded down to even coordinates.
    public let x: Int
    public let y: Int
    /// Pixels per module side.
    public let moduleSize: Int
    /// Light modules around the symbol on every side (ISO/IEC 18004 asks for at least 4).
    public let quietZone: Int
    public let errorCorrection: QRErrorCorrection
    public let dark: UInt8
    public let light: UInt8

    private var cachedText: String?
    /// How many times a symbol has been encoded: once per change of the text.
    public private(set) var encodeCount = 0
    /// The symbol's version for the cached text (0 when it could not be encoded).
    public private(set) var version = 0
    /// Luma samples of the whole rectangle, row-major, `rasterSide × rasterSide`.
    private var raster: [UInt8] = []
    private var rasterSide = 0

    public var isStatic: Bool { !template.isDynamic }

    public init(
        template: TextTemplate, x: Int, y: Int, moduleSize: Int, quietZone: Int = 4,
        errorCorrection: QRErrorCorrection = .medium, dark: UInt8 = 16, light: UInt8 = 235
    ) {
        precondition(moduleSize >= 1 && quietZone >= 0, "a QR layer needs modules of at least one pixel")
        self.template = template
        self.x = x & ~1
        self.y = y & ~1
        self.moduleSize = moduleSize
        self.quietZone = quietZone
        self.errorCorrection = errorCorrection
        self.dark = dark
        self.light = light
    }

    /// The rectangle a symbol of `version` covers, quiet zone included.
    public func rect(forVersion version: Int) -> PixelRect {
        let side = Self.side(modules: 17 + 4 * version, quietZone: quietZone, moduleSize: moduleSize)
        return PixelRect(x: x, y: y, width: side, height: side)
    }

    /// Pixels per side: the symbol and its quiet zone, rounded up to even.
    static func side(modules: Int, quietZone: Int, moduleSize: Int) -> Int {
        ((modules + 2 * quietZone) * moduleSize + 1) & ~1
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let text = template.render(context: context, width: picture.width, height: picture.height)
        if text != cachedText {
            rasterise(QRSymbol(text, errorCorrection: errorCorrection))
            encodeCount += 1
            cachedText = text
        }
        guard rasterSide > 0 else { return .empty }
        let placed = PixelRect(x: x, y: y, width: rasterSide, height: rasterSide)
        let r = placed.intersection(picture.bounds)
        guard !r.isEmpty else { return .empty }
        raster.withUnsafeBufferPointer { source in
            for row in r.y..<r.maxY {
                let from = source.baseAddress! + (row - y) * rasterSide + (r.x - x)
                (picture.luma.row(row) + r.x).update(from: from, count: r.width)
            }
        }
        // Black and white have neutral chroma in every standard. x, y and the side are
        // even, so the clipped rectangle starts and ends on whole chroma sites.
        let cx = r.x >> 1, cy = r.y >> 1, cw = (r.width + 1) >> 1, ch = (r.height + 1) >> 1
        picture.cb.fill(128, x: cx, y: cy, width: cw, height: ch)
        picture.cr.fill(128, x: cx, y: cy, width: cw, height: ch)
        return r
    }

    /// Lays out the symbol's modules, `moduleSize` pixels each, inside the quiet zone.
    private func rasterise(_ symbol: QRSymbol?) {
        guard let symbol else {
            version = 0
            rasterSide = 0
            raster.removeAll(keepingCapacity: true)
            return
        }
        version = symbol.version
        let side = Self.side(modules: symbol.size, quietZone: quietZone, moduleSize: moduleSize)
        rasterSide = side
        if raster.count == side * side {
            raster.withUnsafeMutableBufferPointer { $0.update(repeating: light) }
        } else {
            raster = [UInt8](repeating: light, count: side * side)
        }
        let origin = quietZone * moduleSize
        raster.withUnsafeMutableBufferPointer { pixels in
            for my in 0..<symbol.size {
                // Draw the module row's first pixel row, then copy it down.
                let first = (origin + my * moduleSize) * side
                for mx in 0..<symbol.size where symbol[x: mx, y: my] {
                    let start = first + origin + mx * moduleSize
                    pixels.baseAddress!.advanced(by: start).update(repeating: dark, count: moduleSize)
                }
                for line in 1..<moduleSize {
                    (pixels.baseAddress! + first + line * side).update(from: pixels.baseAddress! + first, count: side)
                }
            }
        }
    }
}
