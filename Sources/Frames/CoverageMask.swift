/// An 8-bit coverage (alpha) bitmap: 0 = untouched, 255 = fully covered.
/// Text, circles and clock hands are rasterised into one of these and then blended
/// into a picture with `PictureView.blend(_:atX:y:colour:opacity:)`.
public struct CoverageMask: Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public var storage: [UInt8]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        storage = [UInt8](repeating: 0, count: self.width * self.height)
    }

    /// Resizes (keeping capacity) and clears to zero.
    public mutating func reset(width w: Int, height h: Int) {
        width = max(0, w)
        height = max(0, h)
        let n = width * height
        if storage.count != n {
            storage = [UInt8](repeating: 0, count: n)
        } else {
            storage.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }

    @inline(__always)
    public subscript(x: Int, y: Int) -> UInt8 {
        get { storage[y * width + x] }
        set { storage[y * width + x] = newValue }
    }

    /// Raises the coverage at (x, y) to at least `value`.
    @inline(__always)
    public mutating func cover(x: Int, y: Int, _ value: UInt8) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        if storage[i] < value { storage[i] = value }
    }
}
