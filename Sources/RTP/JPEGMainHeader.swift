import NIOCore

/// The main JPEG header that opens every RTP/JPEG payload (RFC 2435 §3.1):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     | Type-specific |              Fragment Offset                  |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |      Type     |       Q       |     Width     |     Height    |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
public struct JPEGMainHeader: Hashable, Sendable {
    public static let size = 8
    /// The fragment offset is 24 bits (§3.1.2).
    public static let maxFragmentOffset = (1 << 24) - 1
    /// Width and height are counted in 8-pixel units in one octet (§3.1.5, §3.1.6).
    public static let maxDimension = 255 * 8

    /// §3.1.1: 0 for a progressive frame; camsim sends nothing else.
    public var typeSpecific: UInt8
    /// §3.1.2: where this packet's data starts in the frame's entropy-coded scan, in octets.
    public var fragmentOffset: UInt32
    /// §3.1.3: 0 (4:2:2) or 1 (4:2:0), plus 64 when restart markers are present (§3.1.7).
    public var type: UInt8
    /// §3.1.4: 1...99 selects the tables of Appendix A; 128...255 sends them in-band (§3.1.8).
    public var q: UInt8
    /// §3.1.5, §3.1.6: the picture size divided by 8.
    public var width: UInt8
    public var height: UInt8

    public init(typeSpecific: UInt8 = 0, fragmentOffset: UInt32, type: UInt8, q: UInt8, width: UInt8, height: UInt8) {
        self.typeSpecific = typeSpecific
        self.fragmentOffset = fragmentOffset
        self.type = type
        self.q = q
        self.width = width
        self.height = height
    }

    /// Types 64-127 carry a Restart Marker header after this one (§3.1.7).
    public var hasRestartHeader: Bool { (64...127).contains(type) }
    /// Q 128-255 puts a Quantization Table header in the packet at offset 0 (§3.1.8).
    public var hasQuantizationHeader: Bool { q >= 128 && fragmentOffset == 0 }

    public func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt32(typeSpecific) << 24 | fragmentOffset & 0x00FF_FFFF)
        buffer.writeMultipleIntegers(type, q, width, height)
    }

    public func write(into bytes: inout [UInt8]) {
        bytes.appendBigEndian(UInt32(typeSpecific) << 24 | fragmentOffset & 0x00FF_FFFF)
        bytes += [type, q, width, height]
    }

    /// Reads the header from the start of `payload`.
    public static func parse(_ payload: some RandomAccessCollection<UInt8>) throws(JPEGPayloadError) -> JPEGMainHeader {
        guard payload.count >= size else { throw .tooShort(needed: size, available: payload.count) }
        return JPEGMainHeader(
            typeSpecific: payload.byte(at: 0), fragmentOffset: payload.uint24(at: 1),
            type: payload.byte(at: 4), q: payload.byte(at: 5), width: payload.byte(at: 6), height: payload.byte(at: 7))
    }
}
