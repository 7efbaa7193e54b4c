import Randomness

/// Resolves layer specs against a frame size: lengths to pixels, colours to code values
/// in the picture's standard, fonts to glyph atlases.
struct LayerBuilder {
    let scene: Scene
    let width: Int
    let height: Int
    let standard: ColourStandard
    let table: ColourTable

    init(scene: Scene, width: Int, height: Int) {
        self.scene = scene
        self.width = width
        self.height = height
        standard = ColourStandard.forPicture(height: height)
        table = ColourTable.table(for: standard)
    }

    func error(_ spec: LayerSpec, _ key: String?, _ message: String) -> SceneError {
        SceneError(
            file: scene.file, line: key.flatMap { spec.lines[$0] } ?? spec.line,
            field: key.map { "\(spec.path).\($0)" } ?? spec.path, message: message)
    }

    /// The layer's region: `x`, `y` default to 0, `width`/`height` to the rest of the
    /// frame; every edge rounded down to an even pixel, then clipped to the frame, so a
    /// scene laid out in pixels for a large frame still renders in a small one. Nil when
    /// nothing is left (the layer is then skipped). Backgrounds ignore the fields.
    func region(_ spec: LayerSpec, isBackground: Bool) -> PixelRect? {
        let frame = PixelRect(x: 0, y: 0, width: width, height: height)
        if isBackground { return frame }
        let x = spec.length("x")?.resolveEven(width) ?? 0
        let y = spec.length("y")?.resolveEven(height) ?? 0
        let w = spec.length("width")?.resolveEven(width) ?? (width - x)
        let h = spec.length("height")?.resolveEven(height) ?? (height - y)
        let r = PixelRect(x: x, y: y, width: w, height: h).intersection(frame)
        return r.isEmpty ? nil : r
    }

    private func colour(_ spec: LayerSpec, _ key: String, _ fallback: YCbCr) -> YCbCr {
        spec.colour(key)?.resolve(standard) ?? fallback
    }

    func build(_ spec: LayerSpec, isBackground: Bool) throws(SceneError) -> [any SceneLayer] {
        // Text is placed by its anchor point, not by a region.
        if spec.type.isText { return [try text(spec)] }
        // So is a QR code: its size follows from the text.
        if spec.type == .qr { return [try qr(spec)] }
        guard let r = region(spec, isBackground: isBackground) else { return [] }
        let opacity = spec.number("opacity") ?? 1
        let white = table.white100, black = table.black
        let grey = standard.encode(r: 0.5, g: 0.5, b: 0.5)
        switch spec.type {
        case .smpteBars:
            return [SMPTEBars(region: r, table: table)]
        case .smpteHDBars:
            return [SMPTEHDBars(region: r, table: table)]
        case .ebuBars:
            return [EBUBars(region: r, table: table, amplitude: spec.string("amplitude") == "100" ? .percent100 : .percent75)]
        case .solid:
            return [SolidColour(region: r, colour: colour(spec, "colour", grey), opacity: opacity)]
        case .ramp:
            return [Ramp(
                region: r, from: colour(spec, "from", black), to: colour(spec, "to", white),
                vertical: spec.string("direction") == "vertical", steps: spec.integer("steps") ?? 0)]
        case .checkerboard:
            let cell = max(1, spec.length("cell")?.resolve(height) ?? max(2, height / 9))
            return [Checkerboard(region: r, cell: cell, colour: colour(spec, "colour", white), colour2: colour(spec, "colour2", black))]
        case .grid:
            let spacing = max(2, spec.length("spacing")?.resolve(height) ?? max(2, height / 9))
            return [Grid(
                region: r, spacing: spacing, lineWidth: spec.integer("line_width") ?? 2,
                colour: colour(spec, "colour", white), background: spec.colour("background")?.resolve(standard))]
        case .zonePlate:
            return [ZonePlate(region: r)]
        case .circle:
            return [Circle(
                region: r, colour: colour(spec, "colour", white), lineWidth: spec.integer("line_width") ?? 4,
                fill: spec.colour("fill")?.resolve(standard), opacity: opacity)]
        case .box, .ball:
            // The shape is at most as large as its region (and at least 2 px).
            let requested = spec.length("size")?.resolveEven(height) ?? ((height / 8) & ~1)
            let size = max(2, min(requested, r.width, r.height))
            return [BouncingShape(
                region: r, shape: spec.type == .box ? .box : .ball, size: size,
                colour: colour(spec, "colour", spec.type == .box ? table.yellow100 : table.cyan100),
                speedX: spec.integer("speed_x") ?? 6, speedY: spec.integer("speed_y") ?? 4, opacity: opacity)]
        case .scroll:
            let bar = max(2, spec.length("bar_width")?.resolve(width) ?? max(2, width / 32))
            return [ScrollingBars(
                region: r, barWidth: bar, speed: spec.integer("speed") ?? 4,
                colour: colour(spec, "colour", white), colour2: colour(spec, "colour2", black),
                vertical: spec.string("direction") == "vertical")]
        case .analogClock:
            let clock = AnalogClock(
                region: r, colour: colour(spec, "colour", white), face: colour(spec, "face", black),
                secondsColour: colour(spec, "seconds", table.red100))
            return [clock.faceLayer, clock]
        case .text, .digitalClock, .frameCounter, .secondsCounter:
            return [try text(spec)]  // handled above
        case .qr:
            return [try qr(spec)]  // handled above
        case .noise:
            let lowLight = spec.string("preset") == "low-light"
            let noise = NoiseLayer(
                region: r, lumaStrength: spec.number("luma") ?? (lowLight ? 10 : 6),
                chromaStrength: spec.number("chroma") ?? (lowLight ? 4 : 2),
                label: "noise/\(spec.path)")
            let gain = spec.number("gain") ?? (lowLight ? 0.3 : 1)
            return gain == 1 ? [noise] : [LevelsLayer(region: r, gain: gain, saturation: lowLight ? 0.5 : 1), noise]
        case .flash:
            return [Flash(region: r, colour: colour(spec, "colour", white), frames: spec.integer("frames") ?? 1)]
        }
    }

    private func text(_ spec: LayerSpec) throws(SceneError) -> TextLayer {
        let defaultSize = spec.type == .secondsCounter ? height / 4 : height / 20
        let size = max(8, spec.length("size")?.resolve(height) ?? defaultSize)
        let fontName = spec.string("font") ?? FontLocator.defaultFont
        guard let path = FontLocator.locate(fontName, sceneDirectory: scene.directory) else {
            throw error(spec, spec.string("font") == nil ? nil : "font",
                        "font \(fontName) not found in " + FontLocator.searchDirectories(sceneDirectory: scene.directory).map(\.path).joined(separator: ", "))
        }
        let atlas: GlyphAtlas
        do {
            atlas = try GlyphAtlasCache.shared.atlas(fontPath: path, pixelSize: size)
        } catch {
            throw self.error(spec, "font", error.description)
        }
        let align = TextLayer.Alignment(rawValue: spec.string("align") ?? "left") ?? .left
        let defaultX = align == .center ? width / 2 : align == .right ? width - width / 32 : width / 32
        let box = spec.colour("box").map { (colour: $0.resolve(standard), opacity: spec.number("box_opacity") ?? 0.6) }
        return TextLayer(
            template: spec.template("template")!, atlas: atlas,
            x: spec.length("x")?.resolve(width) ?? defaultX, y: spec.length("y")?.resolve(height) ?? height / 32,
            alignment: align, colour: colour(spec, "colour", table.white100), opacity: spec.number("opacity") ?? 1,
            box: box, padding: spec.length("padding")?.resolve(height) ?? max(2, size / 6))
    }
}
