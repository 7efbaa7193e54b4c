import NIOCore

/// The field widths of one AU-header (RFC 3640 §3.2.1.1), fixed per stream by the SDP's
/// `sizelength`, `indexlength` and `indexdeltalength` (§4.1). camsim reads and writes only
/// AU-size and AU-index/AU-Index-delta (no CTS, DTS, RAP or stream-state fields).
public struct MPEG4GenericAUHeaderLayout: Hashable, Sendable {
    public var sizeLength: Int
    public var indexLength: Int
    public var indexDeltaLength: Int

    public init(sizeLength: Int, indexLength: Int, indexDeltaLength: Int) {
        self.sizeLength = sizeLength
        self.indexLength = indexLength
        self.indexDeltaLength = indexDeltaLength
    }

    /// AAC-hbr (RFC 3640 §3.3.6): 13-bit AU-size, 3-bit AU-index and AU-Index-delta.
    public static let aacHBR = MPEG4GenericAUHeaderLayout(sizeLength: 13, indexLength: 3, indexDeltaLength: 3)

    /// The largest AU-size the layout can describe (8191 octets for AAC-hbr).
    public var maximumAccessUnitSize: Int { (1 << sizeLength) - 1 }

    /// Bits of the header at `position` (0: AU-size + AU-index; later: AU-size + AU-Index-delta).
    func headerBits(at position: Int) -> Int { sizeLength + (position == 0 ? indexLength : indexDeltaLength) }

    /// Whether the widths are ones this module handles (sizes 1 ... 16 bits, indices 0 ... 8).
    public var isSupported: Bool {
        (1...16).contains(sizeLength) && (0...8).contains(indexLength) && (0...8).contains(indexDeltaLength)
    }
}

/// One AU-header: the size in octets of its access unit (of the whole unit, also when the
/// payload carries only a fragment of it) and its AU-index (first header) or AU-Index-delta
/// (later headers); RFC 3640 §3.2.1.1.
public struct MPEG4GenericAUHeader: Hashable, Sendable {
    public var size: Int
    public var index: Int

    public init(size: Int, index: Int = 0) {
        self.size = size
        self.index = index
    }
}

/// The AU Header Section at the start of an `mpeg4-generic` payload (RFC 3640 §3.2.1): a
/// 16-bit AU-headers-length in bits, then the AU-headers, padded to a whole octet.
///
///     +---------+-----------+-----------+---------------+
///     | RTP     | AU Header | Auxiliary | Access Unit   |
///     | Header  | Section   | Section   | Data Section  |
///     +---------+-----------+-----------+---------------+
///
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- .. -+-+-+-+-+-+-+-+-+-+
///     |AU-headers-length|AU-header|AU-header|      |AU-header|padding|
///     |                 |   (1)   |   (2)   |      |   (n)   | bits  |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- .. -+-+-+-+-+-+-+-+-+-+
///
/// With AAC-hbr each header is AU-size(13) · AU-index(3), two octets, so no padding occurs.
/// No auxiliary section is configured (`auxiliarydatasizelength` absent, §3.2.2).
public struct MPEG4GenericAUHeaderSection: Hashable, Sendable {
    /// Octets of the AU-headers-length field.
    public static let lengthFieldSize = 2
    /// Most AU-headers accepted in one payload; a longer section is refused before anything
    /// is allocated (an AU is at least one octet, so a 1500-octet packet cannot need more).
    public static let maximumHeaderCount = 1500

    public var headers: [MPEG4GenericAUHeader]

    public init(headers: [MPEG4GenericAUHeader]) {
        self.headers = headers
    }

    /// Bits in the AU-headers-length field for these headers.
    public func headersLengthBits(layout: MPEG4GenericAUHeaderLayout) -> Int {
        headers.indices.reduce(0) { $0 + layout.headerBits(at: $1) }
    }

    /// Octets the section takes: the length field plus the headers, padded to an octet.
    public func encodedSize(layout: MPEG4GenericAUHeaderLayout) -> Int {
        Self.lengthFieldSize + (headersLengthBits(layout: layout) + 7) / 8
    }

    /// Parses the section at the start of `payload`. Returns it and its size in octets, where
    /// the Access Unit Data Section begins.
    public static func parse(
        _ payload: some RandomAccessCollection<UInt8>, layout: MPEG4GenericAUHeaderLayout = .aacHBR
    ) throws(MPEG4GenericParseError) -> (section: MPEG4GenericAUHeaderSection, size: Int) {
        guard layout.isSupported else { throw .unsupportedLayout(layout) }
        guard payload.count >= lengthFieldSize else {
            throw .tooShort(needed: lengthFieldSize, available: payload.count)
        }
        let lengthBits = Int(payload.uint16(at: 0))
        guard lengthBits > 0 else { throw .noHeaders }
        let size = lengthFieldSize + (lengthBits + 7) / 8
        guard payload.count >= size else { throw .tooShort(needed: size, available: payload.count) }

        var reader = BitReader(bitOffset: lengthFieldSize * 8)
        var headers: [MPEG4GenericAUHeader] = []
        var consumed = 0
        while consumed < lengthBits {
            let bits = layout.headerBits(at: headers.count)
            guard consumed + bits <= lengthBits else { throw .partialHeader(lengthBits: lengthBits) }
            guard headers.count < maximumHeaderCount else { throw .tooManyHeaders(limit: maximumHeaderCount) }
            let auSize = reader.read(layout.sizeLength, from: payload)
            let index = reader.read(bits - layout.sizeLength, from: payload)
            headers.append(MPEG4GenericAUHeader(size: auSize, index: index))
            consumed += bits
        }
        return (MPEG4GenericAUHeaderSection(headers: headers), size)
    }

    /// Appends the section (length field, headers, zero padding bits) to `buffer`. Values wider
    /// than their fields are truncated to them.
    public func write(into buffer: inout ByteBuffer, layout: MPEG4GenericAUHeaderLayout = .aacHBR) {
        buffer.writeInteger(UInt16(truncatingIfNeeded: headersLengthBits(layout: layout)))
        var accumulator: UInt64 = 0
        var pending = 0
        for (position, header) in headers.enumerated() {
            let indexBits = layout.headerBits(at: position) - layout.sizeLength
            for (value, width) in [(header.size, layout.sizeLength), (header.index, indexBits)] where width > 0 {
                accumulator = accumulator << width | UInt64(value) & ((1 << width) - 1)
                pending += width
                while pending >= 8 {
                    pending -= 8
                    buffer.writeInteger(UInt8(truncatingIfNeeded: accumulator >> pending))
                }
            }
        }
        if pending > 0 { buffer.writeInteger(UInt8(truncatingIfNeeded: accumulator << (8 - pending))) }
    }

    /// The section's octets.
    public func bytes(layout: MPEG4GenericAUHeaderLayout = .aacHBR) -> [UInt8] {
        var buffer = ByteBuffer()
        write(into: &buffer, layout: layout)
        return Array(buffer.readableBytesView)
    }
}

/// Reads big-endian bit fields of up to 16 bits from octets.
struct BitReader {
    var bitOffset: Int

    mutating func read(_ width: Int, from bytes: some RandomAccessCollection<UInt8>) -> Int {
        var value = 0
        for _ in 0..<width {
            let octet = bytes.byte(at: bitOffset / 8)
            value = value << 1 | Int(octet >> (7 - UInt8(bitOffset % 8)) & 1)
            bitOffset += 1
        }
        return value
    }
}
