/// A text template drawn as a QR code, so that a decoder can read the frame's time or
/// number back from the picture.
///
/// The symbol is encoded only when the text changes, and its module rows are laid out
/// then as rows of pixels; each frame copies the matching row into every line of the
/// square and sets the chroma under it to neutral. It covers a fixed square for a given
/// symbol version: the modules plus `quietZone` light modules on every side, grown to
/// even pixels on the right and bottom so that it covers whole 4:2:0 chroma sites.
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
    /// Modules per side of the cached symbol.
    private var modules = 0
    /// Pixels per side of the square.
    private var side = 0
    /// One row of `side` luma samples per module row, then an all-light row for the
    /// quiet zone.
    private var rows: [UInt8] = []

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
            layOut(QRSymbol(text, errorCorrection: errorCorrection))
            cachedText = text
            encodeCount += 1
        }
        guard side > 0 else { return .empty }
        let r = PixelRect(x: x, y: y, width: side, height: side).intersection(picture.bounds)
        guard !r.isEmpty else { return .empty }
        let top = y + quietZone * moduleSize, bottom = top + modules * moduleSize
        rows.withUnsafeBufferPointer { rows in
            for row in r.y..<r.maxY {
                let moduleRow = row >= top && row < bottom ? (row - top) / moduleSize : modules
                (picture.luma.row(row) + r.x).update(from: rows.baseAddress! + moduleRow * side + (r.x - x), count: r.width)
            }
        }
        // Black and white have neutral chroma in every standard. x, y and the side are
        // even, so the clipped square starts and ends on whole chroma sites.
        let cx = r.x >> 1, cy = r.y >> 1, cw = (r.width + 1) >> 1, ch = (r.height + 1) >> 1
        picture.cb.fill(128, x: cx, y: cy, width: cw, height: ch)
        picture.cr.fill(128, x: cx, y: cy, width: cw, height: ch)
        return r
    }

    /// Lays out each module row as pixels, `moduleSize` per module, inside the quiet zone.
    private func layOut(_ symbol: QRSymbol?) {
        guard let symbol else {
            (version, modules, side) = (0, 0, 0)
            return
        }
        version = symbol.version
        modules = symbol.size
        side = Self.side(modules: symbol.size, quietZone: quietZone, moduleSize: moduleSize)
        let count = (modules + 1) * side
        if rows.count != count { rows = [UInt8](repeating: light, count: count) }
        let origin = quietZone * moduleSize
        rows.withUnsafeMutableBufferPointer { rows in
            rows.update(repeating: light)
            for my in 0..<modules {
                let row = rows.baseAddress! + my * side + origin
                for mx in 0..<modules where symbol[x: mx, y: my] {
                    (row + mx * moduleSize).update(repeating: dark, count: moduleSize)
                }
            }
        }
    }
}
