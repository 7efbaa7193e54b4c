import CZBar

/// Finds QR codes in greyscale pictures with libzbar, other symbologies off. Not
/// thread-safe: one task uses it.
public final class QRScanner {
    private let scanner: OpaquePointer
    /// The picture copied without row padding, as zbar wants it; reused between scans.
    private var buffer: [UInt8] = []

    public init() {
        scanner = zbar_image_scanner_create()
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
    }

    deinit {
        zbar_image_scanner_destroy(scanner)
    }

    /// The text of every QR code in `picture`.
    public func scan(_ picture: GrayPicture) -> [String] {
        let count = picture.width * picture.height
        if buffer.count != count { buffer = [UInt8](repeating: 0, count: count) }
        buffer.withUnsafeMutableBufferPointer { target in
            for row in 0..<picture.height {
                (target.baseAddress! + row * picture.width).update(from: picture.pixels + row * picture.stride, count: picture.width)
            }
        }
        return buffer.withUnsafeBufferPointer { pixels -> [String] in
            guard let image = zbar_image_create() else { return [] }
            defer { zbar_image_destroy(image) }
            zbar_image_set_format(image, camsim_zbar_fourcc_y800())
            zbar_image_set_size(image, UInt32(picture.width), UInt32(picture.height))
            zbar_image_set_data(image, pixels.baseAddress, UInt(count), nil)
            guard zbar_scan_image(scanner, image) > 0 else { return [] }
            var texts: [String] = []
            var symbol = zbar_image_first_symbol(image)
            while let current = symbol {
                if let data = zbar_symbol_get_data(current) {
                    texts.append(String(cString: data))
                }
                symbol = zbar_symbol_next(current)
            }
            return texts
        }
    }
}
