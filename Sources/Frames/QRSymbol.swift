import CQRencode

/// A QR code symbol: a square of dark and light modules, encoded by libqrencode
/// (ISO/IEC 18004 Model 2). The smallest version that holds the text is chosen, and
/// libqrencode picks the numeric, alphanumeric and byte segments and the mask.
public struct QRSymbol: Sendable, Equatable {
    /// The symbol version, 1...40; the side is 17 + 4 × version modules.
    public let version: Int
    /// Modules per side (without the quiet zone).
    public let size: Int
    /// Row-major, `size × size`: true for a dark module.
    public let modules: [Bool]

    /// Encodes `text` (UTF-8, case-sensitive); nil when it does not fit in a version 40
    /// symbol at this level, or holds a NUL byte.
    public init?(_ text: String, errorCorrection: QRErrorCorrection) {
        guard !text.utf8.contains(0) else { return nil }
        let level: QRecLevel
        switch errorCorrection {
        case .low: level = QR_ECLEVEL_L
        case .medium: level = QR_ECLEVEL_M
        case .quartile: level = QR_ECLEVEL_Q
        case .high: level = QR_ECLEVEL_H
        }
        // Version 0: the smallest that fits. QR_MODE_8 as the hint lets libqrencode use
        // numeric and alphanumeric segments where they are shorter, and keeps case.
        guard let code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        version = Int(code.pointee.version)
        self.size = size
        // Bit 0 of each byte is the module's colour (1 = dark); the others describe its role.
        modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public subscript(x x: Int, y y: Int) -> Bool { modules[y * size + x] }
}
