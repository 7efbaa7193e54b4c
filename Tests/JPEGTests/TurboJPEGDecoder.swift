import CTurboJPEG

/// A decoded JPEG as packed R'G'B' rows, through libjpeg-turbo's own decompressor (the
/// same JFIF colour equations browsers and ffmpeg use).
struct DecodedRGB {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(jpeg: [UInt8]) throws {
        guard let handle = tjInitDecompress() else { throw DecodeError(message: "no decompressor") }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourspace: Int32 = 0
        var mutable = jpeg
        guard tjDecompressHeader3(handle, &mutable, UInt(jpeg.count), &width, &height, &subsampling, &colourspace) == 0 else {
            throw DecodeError(message: String(cString: tjGetErrorStr2(handle)))
        }
        var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 3)
        let status = pixels.withUnsafeMutableBufferPointer { out in
            tjDecompress2(handle, &mutable, UInt(jpeg.count), out.baseAddress, width, 0, height,
                          Int32(TJPF_RGB.rawValue), Int32(TJFLAG_ACCURATEDCT))
        }
        guard status == 0 else { throw DecodeError(message: String(cString: tjGetErrorStr2(handle))) }
        self.width = Int(width)
        self.height = Int(height)
        self.pixels = pixels
    }

    /// The mean R'G'B' over a rectangle, in code values 0...255.
    func mean(x: Int, y: Int, width w: Int, height h: Int) -> (r: Double, g: Double, b: Double) {
        var sums = (0, 0, 0)
        for row in y..<(y + h) {
            for column in x..<(x + w) {
                let at = (row * width + column) * 3
                sums.0 += Int(pixels[at])
                sums.1 += Int(pixels[at + 1])
                sums.2 += Int(pixels[at + 2])
            }
        }
        let n = Double(w * h)
        return (Double(sums.0) / n, Double(sums.1) / n, Double(sums.2) / n)
    }

    struct DecodeError: Error { var message: String }
}

/// The frame header fields a JPEG declares (ITU-T T.81 §B.2.2): the first SOFn marker's
/// sample precision, height, width and per-component sampling factors.
struct FrameHeader: Equatable {
    var marker: UInt8
    var precision: Int
    var height: Int
    var width: Int
    /// (horizontal, vertical) sampling factor of each component, in order.
    var sampling: [[Int]]

    init(marker: UInt8, precision: Int, height: Int, width: Int, sampling: [[Int]]) {
        (self.marker, self.precision, self.height, self.width, self.sampling) = (marker, precision, height, width, sampling)
    }

    /// Walks the marker segments after SOI (T.81 §B.1.1.4: a marker, then a two-byte
    /// length that counts itself) up to the first SOFn.
    init?(_ jpeg: [UInt8]) {
        guard jpeg.count > 4, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else { return nil }
        var at = 2
        while at + 4 <= jpeg.count, jpeg[at] == 0xFF {
            let marker = jpeg[at + 1]
            let length = Int(jpeg[at + 2]) << 8 | Int(jpeg[at + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let body = at + 4
                guard body + 6 <= jpeg.count else { return nil }
                self.marker = marker
                precision = Int(jpeg[body])
                height = Int(jpeg[body + 1]) << 8 | Int(jpeg[body + 2])
                width = Int(jpeg[body + 3]) << 8 | Int(jpeg[body + 4])
                let components = Int(jpeg[body + 5])
                guard body + 6 + 3 * components <= jpeg.count else { return nil }
                sampling = (0..<components).map { index in
                    let factors = jpeg[body + 6 + 3 * index + 1]
                    return [Int(factors >> 4), Int(factors & 0x0F)]
                }
                return
            }
            at += 2 + length
        }
        return nil
    }
}
