/// Renders a stack of layers, redrawing only what changes.
///
/// The layers before the first dynamic one form the static base. The renderer keeps a
/// private copy of that base, drawn once. It relies on the camera's contract that
/// `render(into:context:)` is called on the same picture memory every frame and that the
/// picture still holds what the previous call drew. Each frame it then:
///
/// 1. copies back from the base copy the rectangles that the dynamic layers changed in
///    the previous frame, which returns the picture to the pure base;
/// 2. draws every layer from the first dynamic one on, remembering what each changed.
///
/// A full redraw (base copied whole) happens on the first call and whenever the picture's
/// planes (pointers, strides or size) differ from the previous call; the base itself is
/// redrawn only when the context's camera name, seed or frame rate change, since static
/// text may show those.
/// The result is byte-identical to drawing every layer from scratch.
public final class SceneRenderer: FrameSource {
    public let width: Int
    public let height: Int
    public let layers: [any SceneLayer]
    /// Number of leading static layers, drawn once into the base.
    public let staticPrefix: Int

    private var base: PictureBuffer?
    private var lastPicture: PictureIdentity?
    private var lastIdentity: ContextIdentity?
    private var dirty: [PixelRect] = []

    /// Set to false to draw every layer from scratch on every frame (for tests).
    public var incremental = true

    public init(width: Int, height: Int, layers: [any SceneLayer]) {
        self.width = width
        self.height = height
        self.layers = layers
        staticPrefix = layers.firstIndex { !$0.isStatic } ?? layers.count
    }

    /// Which memory a picture is: its planes and layout (plain fields, so taking it
    /// every frame allocates nothing).
    private struct PictureIdentity: Equatable {
        var luma, cb, cr: UnsafeMutablePointer<UInt8>
        var lumaStride, cbStride, crStride: Int
        var width: Int
        var height: Int

        init(_ p: PictureView) {
            (luma, cb, cr) = (p.luma.base, p.cb.base, p.cr.base)
            (lumaStride, cbStride, crStride) = (p.luma.stride, p.cb.stride, p.cr.stride)
            width = p.width
            height = p.height
        }
    }

    private struct ContextIdentity: Equatable {
        var camera: String
        var seed: UInt64
        var frameRate: Double
        init(_ c: FrameContext) {
            camera = c.cameraName
            seed = c.seed
            frameRate = c.frameRate
        }
    }

    public func render(into picture: PictureView, context: FrameContext) {
        precondition(picture.width == width && picture.height == height,
                     "renderer built for \(width)x\(height), picture is \(picture.width)x\(picture.height)")
        let pictureID = PictureIdentity(picture)
        let contextID = ContextIdentity(context)
        let baseIsStale = !incremental || contextID != lastIdentity
        let full = baseIsStale || pictureID != lastPicture
        lastPicture = pictureID
        lastIdentity = contextID

        if full {
            // A new picture only needs the base copied in; new camera details redraw it.
            if baseIsStale || base == nil { redrawBase(context: context) }
            if let base {
                picture.copy(from: base.view)
            } else {
                // Everything is static: draw it straight into the picture, once.
                picture.fill(YCbCr(y: 16, cb: 128, cr: 128))
                for layer in layers { _ = layer.draw(into: picture, context: context) }
                dirty = []
                return
            }
        } else if let base {
            let view = base.view
            for rect in dirty { picture.copy(rect, from: view) }
        } else {
            return  // all static and already drawn
        }
        dirty.removeAll(keepingCapacity: true)
        for layer in layers[staticPrefix...] {
            let changed = layer.draw(into: picture, context: context)
            if !changed.isEmpty { dirty.append(changed) }
        }
    }

    private func redrawBase(context: FrameContext) {
        guard staticPrefix < layers.count else {
            base = nil
            return
        }
        let buffer = base ?? PictureBuffer(width: width, height: height)
        let view = buffer.view
        view.fill(YCbCr(y: 16, cb: 128, cr: 128))
        for layer in layers[..<staticPrefix] { _ = layer.draw(into: view, context: context) }
        base = buffer
    }
}
