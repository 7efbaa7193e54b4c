/// One 8-bit plane of a picture owned by someone else: a base pointer, a row stride
/// in bytes, and the visible width and height in samples.
public struct PlaneView {
    public let base: UnsafeMutablePointer<UInt8>
    public let stride: Int
    public let width: Int
    public let height: Int

    public init(base: UnsafeMutablePointer<UInt8>, stride: Int, width: Int, height: Int) {
        precondition(stride >= width && width >= 0 && height >= 0, "plane stride must cover its width")
        self.base = base
        self.stride = stride
        self.width = width
        self.height = height
    }

    /// The first sample of row `y`.
    @inline(__always)
    public func row(_ y: Int) -> UnsafeMutablePointer<UInt8> { base + y * stride }

    @inline(__always)
    public subscript(x: Int, y: Int) -> UInt8 {
        get { base[y * stride + x] }
        nonmutating set { base[y * stride + x] = newValue }
    }

    /// Sets every sample of the rectangle (clipped to the plane) to `value`.
    public func fill(_ value: UInt8, x: Int = 0, y: Int = 0, width w: Int? = nil, height h: Int? = nil) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + (w ?? width)), y1 = min(height, y + (h ?? height))
        guard x1 > x0, y1 > y0 else { return }
        for row in y0..<y1 {
            (base + row * stride + x0).update(repeating: value, count: x1 - x0)
        }
    }

    /// Copies the visible samples of `source` (same size) into this plane.
    public func copy(from source: PlaneView) {
        precondition(source.width == width && source.height == height, "plane sizes differ")
        for row in 0..<height {
            (base + row * stride).update(from: source.base + row * source.stride, count: width)
        }
    }
}
