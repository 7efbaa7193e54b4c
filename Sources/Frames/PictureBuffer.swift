/// An I420 picture that owns its memory, tightly packed (Y plane, then Cb, then Cr):
/// the layout of a Y4M frame. Used for previews, tests and cached static layers.
public final class PictureBuffer: @unchecked Sendable {
    public let width: Int
    public let height: Int
    /// The three planes back to back; `count == width * height * 3 / 2`.
    public private(set) var storage: UnsafeMutableBufferPointer<UInt8>

    public init(width: Int, height: Int) {
        precondition(width > 0 && height > 0 && width % 2 == 0 && height % 2 == 0, "4:2:0 needs an even, non-zero size")
        self.width = width
        self.height = height
        storage = .allocate(capacity: width * height * 3 / 2)
        storage.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    /// A view of this buffer's planes. Valid while the buffer is alive.
    public var view: PictureView {
        let base = storage.baseAddress!
        let lumaSize = width * height
        let chromaSize = lumaSize / 4
        return PictureView(
            luma: PlaneView(base: base, stride: width, width: width, height: height),
            cb: PlaneView(base: base + lumaSize, stride: width / 2, width: width / 2, height: height / 2),
            cr: PlaneView(base: base + lumaSize + chromaSize, stride: width / 2, width: width / 2, height: height / 2)
        )
    }

    /// The packed bytes, Y then Cb then Cr.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(storage) }
}
