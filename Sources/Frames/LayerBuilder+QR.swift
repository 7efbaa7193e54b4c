extension LayerBuilder {
    /// The frame index used to check that a QR template's text fits: a counter this
    /// long is over a year of frames at 30 000 fps.
    static let qrSampleFrameIndex: Int64 = 999_999_999_999

    /// A `qr` layer: `x`, `y` place the top-left corner of its quiet zone; `module_size`
    /// is pixels or a fraction of the frame height (default 1/90 of it, 8 px at 720p), at
    /// most the frame height.
    /// The template must fit a QR code at the chosen level, which is checked here with a
    /// 12-digit frame number and the last instant of 2099 (a camera name longer than the
    /// sample's may still overflow; the layer then draws nothing).
    func qr(_ spec: LayerSpec) throws(SceneError) -> QRLayer {
        let template = spec.template("template")!
        let level = spec.string("error_correction").flatMap(QRErrorCorrection.init(rawValue:)) ?? .medium
        let sample = template.render(
            context: FrameContext(
                frameIndex: Self.qrSampleFrameIndex, mediaTime: Double(Self.qrSampleFrameIndex) / 30,
                wallClockNanos: 4_102_444_799_999_999_999, cameraName: "camera", seed: .max, frameRate: 30),
            width: width, height: height)
        guard QRSymbol(sample, errorCorrection: level) != nil else {
            throw error(
                spec, "template",
                "the text (\(sample.utf8.count) bytes, e.g. \"\(sample.prefix(60))\") does not fit a QR code at error correction \(level.rawValue)"
                    + (sample.utf8.contains(0) ? ": it holds a NUL character" : ""))
        }
        return QRLayer(
            template: template,
            x: spec.length("x")?.resolve(width) ?? width / 32, y: spec.length("y")?.resolve(height) ?? height / 32,
            // A module is at least one pixel and at most the frame's height.
            moduleSize: max(1, min(height, spec.length("module_size")?.resolve(height) ?? height / 90)),
            quietZone: spec.integer("quiet_zone") ?? 4, errorCorrection: level,
            dark: table.black.y, light: table.white100.y)
    }
}
