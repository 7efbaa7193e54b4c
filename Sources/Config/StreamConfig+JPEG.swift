extension StreamConfig {
    /// The libjpeg quality a `jpeg` stream encodes with unless `jpeg_quality` says otherwise.
    public static let defaultJPEGQuality = 80
    /// libjpeg's qualities.
    public static let jpegQualities = 1...100
    /// RFC 2435 §3.1.5-6 carries width and height divided by 8 in one octet each.
    public static let maxJPEGDimension = 255 * 8

    /// Why RFC 2435 cannot describe a `width`×`height` picture, or nil when it can: each
    /// must be a multiple of 8, at most 2040.
    public static func jpegSizeProblem(width: Int, height: Int) -> String? {
        func fits(_ value: Int) -> Bool { value % 8 == 0 && value <= maxJPEGDimension }
        guard !fits(width) || !fits(height) else { return nil }
        return "codec 'jpeg' (RFC 2435) needs a width and height that are multiples of 8, at most \(maxJPEGDimension), "
            + "got \(width)x\(height)"
    }

    /// Reads `jpeg_quality` and checks the size of a `jpeg` stream, reporting problems
    /// against the key that causes them.
    mutating func decodeJPEG(_ map: YAMLMapping) {
        if let field = map["jpeg_quality"], let value = field.int() {
            if codec != .jpeg {
                field.fail("'jpeg_quality' is a JPEG setting; a '\(codec.rawValue)' stream does not take it")
            } else if !Self.jpegQualities.contains(value) {
                field.fail("jpeg_quality must be between 1 and 100, got \(value)")
            } else {
                jpegQuality = value
            }
        }
        if codec == .jpeg, let message = Self.jpegSizeProblem(width: width, height: height),
           let field = map["size"] ?? map["width"] ?? map["codec"] {
            field.fail(message)
        }
    }
}
