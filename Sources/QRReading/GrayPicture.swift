/// An 8-bit greyscale picture borrowed from the decoder: valid only inside the callback.
public struct GrayPicture {
    public let width: Int
    public let height: Int
    /// Bytes from one row to the next.
    public let stride: Int
    public let pixels: UnsafePointer<UInt8>

    init(width: Int, height: Int, stride: Int, pixels: UnsafeMutablePointer<UInt8>) {
        self.width = width
        self.height = height
        self.stride = stride
        self.pixels = UnsafePointer(pixels)
    }
}
