/// A planar Y'CbCr 4:2:0 (I420) picture owned by someone else: usually the encoder's
/// own input picture, so generators draw straight into what x264 reads, with no copy.
///
/// Width and height are even; the chroma planes are half the luma size in each direction.
public struct PictureView {
    public let width: Int
    public let height: Int
    public let luma: PlaneView
    public let cb: PlaneView
    public let cr: PlaneView

    public init(luma: PlaneView, cb: PlaneView, cr: PlaneView) {
        precondition(luma.width % 2 == 0 && luma.height % 2 == 0, "4:2:0 needs an even size")
        precondition(cb.width == luma.width / 2 && cb.height == luma.height / 2, "cb plane must be half size")
        precondition(cr.width == cb.width && cr.height == cb.height, "cr plane must match cb")
        self.width = luma.width
        self.height = luma.height
        self.luma = luma
        self.cb = cb
        self.cr = cr
    }

    /// Fills the whole picture with one colour.
    public func fill(_ colour: YCbCr) {
        luma.fill(colour.y)
        cb.fill(colour.cb)
        cr.fill(colour.cr)
    }

    /// Copies every plane of `source` (same size) into this picture.
    public func copy(from source: PictureView) {
        luma.copy(from: source.luma)
        cb.copy(from: source.cb)
        cr.copy(from: source.cr)
    }
}

/// An 8-bit limited-range Y'CbCr colour.
public struct YCbCr: Hashable, Sendable, CustomStringConvertible {
    public var y: UInt8
    public var cb: UInt8
    public var cr: UInt8

    public init(y: UInt8, cb: UInt8, cr: UInt8) {
        self.y = y
        self.cb = cb
        self.cr = cr
    }

    public var description: String { "Y'CbCr(\(y), \(cb), \(cr))" }
}
