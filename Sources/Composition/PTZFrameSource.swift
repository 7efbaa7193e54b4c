import Frames
import PTZ

/// The picture of a camera with `ptz:`: its scene is drawn into a canvas the size of the
/// stream, and each frame shows the part of the canvas the head's position at the frame's
/// wall-clock time looks at (``PTZSettings/viewport(for:)``), magnified to the picture
/// (nearest neighbour), with the position drawn over it as text and as a QR code reading
/// `ptz pan=0.250 tilt=-0.100 zoom=0.500`, so a test reads the position from the frame.
///
/// The scene is drawn at the stream's size, not at the canvas's, so a frame costs one
/// scene render (incremental as ever) and one stretch of the picture, whatever the zoom.
public final class PTZFrameSource: FrameSource {
    private let scene: any FrameSource
    private let canvas: PictureBuffer
    private let overlay: [any SceneLayer]
    private let head: PTZHead
    private let settings: PTZSettings
    private var scratch = ViewportScratch()

    public init(scene: Scene, head: PTZHead, width: Int, height: Int) throws {
        self.scene = try scene.makeRenderer(width: width, height: height)
        canvas = PictureBuffer(width: width, height: height)
        overlay = try Self.overlayScene.makeSceneRenderer(width: width, height: height).layers
            .filter { $0 is TextLayer || $0 is QRLayer }
        self.head = head
        settings = head.settings
    }

    /// A stream's `makeSource` drawing `scene` through `head`.
    static func maker(scene: Scene, head: PTZHead) -> @Sendable (Int, Int) throws -> any FrameSource {
        { width, height in try PTZFrameSource(scene: scene, head: head, width: width, height: height) }
    }

    public func render(into picture: PictureView, context: FrameContext) {
        let position = head.position(at: context.wallClockNanos)
        scene.render(into: canvas.view, context: context)
        let view = settings.viewport(for: position)
        let width = Double(canvas.width), height = Double(canvas.height)
        picture.fill(
            from: canvas.view, x: view.x * width, y: view.y * height, width: view.width * width, height: view.height * height,
            scratch: &scratch)
        var context = context
        context.ptz = position
        for layer in overlay { _ = layer.draw(into: picture, context: context) }
    }

    /// The position as text along the bottom and as a QR code on the left.
    static let overlayYAML = """
    name: ptz-overlay
    background:
      type: solid
      colour: black
    layers:
      - type: text
        template: "PTZ  pan {pan}  tilt {tilt}  zoom {zoom}"
        x: 0.03
        y: 0.9
        size: 0.045
        colour: white
        box: black
        box_opacity: 0.7
      - type: qr
        template: "ptz pan={pan} tilt={tilt} zoom={zoom}"
        x: 0.02
        y: 0.5
        module_size: 0.009
        error_correction: M
        quiet_zone: 4

    """

    /// The overlay, parsed from ``overlayYAML`` (a constant the tests render, so parsing cannot fail).
    static let overlayScene: Scene = try! Scene.parse(yaml: overlayYAML, file: "<built-in ptz-overlay>")
}
