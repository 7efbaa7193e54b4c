import NIOCore

/// The fixed RTP header plus its CSRC list and optional header extension (RFC 3550 §5.1).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |V=2|P|X|  CC   |M|     PT      |       sequence number         |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                           timestamp                           |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |           synchronization source (SSRC) identifier            |
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///     |            contributing source (CSRC) identifiers             |
///     |                             ....                              |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
public struct RTPHeader: Hashable, Sendable {
    /// The only RTP version (RFC 3550 §5.1).
    public static let version: UInt8 = 2
    /// Size of the fixed header, without CSRCs or extension.
    public static let fixedSize = 12
    /// The CC field is 4 bits wide.
    public static let maxCSRCCount = 15

    // First octet: V(2) P(1) X(1) CC(4).
    static let versionShift: UInt8 = 6
    static let paddingMask: UInt8 = 0x20
    static let extensionMask: UInt8 = 0x10
    static let csrcCountMask: UInt8 = 0x0F
    // Second octet: M(1) PT(7).
    static let markerMask: UInt8 = 0x80
    static let payloadTypeMask: UInt8 = 0x7F

    /// P: the payload is followed by padding whose last octet counts the padding octets.
    public var padding: Bool
    /// M: for H.264, set on the last packet of an access unit (RFC 6184 §5.1).
    public var marker: Bool
    /// PT, 7 bits; higher bits are ignored when writing.
    public var payloadType: UInt8
    public var sequenceNumber: UInt16
    public var timestamp: UInt32
    public var ssrc: UInt32
    /// Contributing sources; at most `maxCSRCCount` are written.
    public var csrcs: [UInt32]
    /// X: present when the header carries an extension.
    public var headerExtension: RTPHeaderExtension?

    public init(
        padding: Bool = false,
        marker: Bool = false,
        payloadType: UInt8,
        sequenceNumber: UInt16,
        timestamp: UInt32,
        ssrc: UInt32,
        csrcs: [UInt32] = [],
        headerExtension: RTPHeaderExtension? = nil
    ) {
        self.padding = padding
        self.marker = marker
        self.payloadType = payloadType
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.ssrc = ssrc
        self.csrcs = csrcs
        self.headerExtension = headerExtension
    }

    /// Octets `write(into:)` appends.
    public var encodedSize: Int {
        Self.fixedSize + 4 * min(csrcs.count, Self.maxCSRCCount) + (headerExtension?.encodedSize ?? 0)
    }

    /// Appends the header, CSRC list and extension (not the payload or padding).
    public func write(into bytes: inout [UInt8]) {
        let csrcCount = min(csrcs.count, Self.maxCSRCCount)
        var first = Self.version << Self.versionShift | UInt8(csrcCount)
        if padding { first |= Self.paddingMask }
        if headerExtension != nil { first |= Self.extensionMask }
        var second = payloadType & Self.payloadTypeMask
        if marker { second |= Self.markerMask }
        bytes.append(first)
        bytes.append(second)
        bytes.appendBigEndian(sequenceNumber)
        bytes.appendBigEndian(timestamp)
        bytes.appendBigEndian(ssrc)
        for index in 0..<csrcCount { bytes.appendBigEndian(csrcs[index]) }
        headerExtension?.write(into: &bytes)
    }

    /// Writes the same octets as `write(into:)` at the buffer's writer index.
    public func write(into buffer: inout ByteBuffer) {
        let csrcCount = min(csrcs.count, Self.maxCSRCCount)
        var first = Self.version << Self.versionShift | UInt8(csrcCount)
        if padding { first |= Self.paddingMask }
        if headerExtension != nil { first |= Self.extensionMask }
        var second = payloadType & Self.payloadTypeMask
        if marker { second |= Self.markerMask }
        // Network byte order (RFC 3550 §4) is ByteBuffer's default.
        buffer.writeInteger(first)
        buffer.writeInteger(second)
        buffer.writeInteger(sequenceNumber)
        buffer.writeInteger(timestamp)
        buffer.writeInteger(ssrc)
        for index in 0..<csrcCount { buffer.writeInteger(csrcs[index]) }
        headerExtension?.write(into: &buffer)
    }

    /// Parses a whole RTP packet. `payloadRange` holds offsets from the start of `bytes`,
    /// after the CSRCs and extension and before any padding.
    public static func parse(
        _ bytes: some RandomAccessCollection<UInt8>
    ) throws(RTPParseError) -> (header: RTPHeader, payloadRange: Range<Int>) {
        let total = bytes.count
        guard total >= fixedSize else { throw .tooShort(needed: fixedSize, available: total) }
        let first = bytes.byte(at: 0)
        let version = first >> versionShift
        guard version == Self.version else { throw .badVersion(version) }
        let second = bytes.byte(at: 1)

        let csrcCount = Int(first & csrcCountMask)
        var offset = fixedSize + 4 * csrcCount
        guard total >= offset else { throw .tooShort(needed: offset, available: total) }
        var csrcs: [UInt32] = []
        if csrcCount > 0 {
            csrcs.reserveCapacity(csrcCount)
            for index in 0..<csrcCount { csrcs.append(bytes.uint32(at: fixedSize + 4 * index)) }
        }

        // RFC 3550 §5.3.1: profile (16), length in 32-bit words (16), then the data.
        var headerExtension: RTPHeaderExtension?
        if first & extensionMask != 0 {
            let preamble = RTPHeaderExtension.preambleSize
            guard total >= offset + preamble else {
                throw .extensionOverflow(needed: offset + preamble, available: total)
            }
            let profile = bytes.uint16(at: offset)
            let dataSize = Int(bytes.uint16(at: offset + 2)) * 4
            let end = offset + preamble + dataSize
            guard total >= end else { throw .extensionOverflow(needed: end, available: total) }
            headerExtension = RTPHeaderExtension(profile: profile, data: bytes.bytes(in: (offset + preamble)..<end))
            offset = end
        }

        // RFC 3550 §5.1: the last octet of the padding counts the padding octets, itself included.
        var payloadEnd = total
        let hasPadding = first & paddingMask != 0
        if hasPadding {
            let available = total - offset
            guard available > 0 else { throw .badPadding(count: 0, available: 0) }
            let count = bytes.byte(at: total - 1)
            guard count > 0, Int(count) <= available else { throw .badPadding(count: count, available: available) }
            payloadEnd = total - Int(count)
        }

        let header = RTPHeader(
            padding: hasPadding,
            marker: second & markerMask != 0,
            payloadType: second & payloadTypeMask,
            sequenceNumber: bytes.uint16(at: 2),
            timestamp: bytes.uint32(at: 4),
            ssrc: bytes.uint32(at: 8),
            csrcs: csrcs,
            headerExtension: headerExtension
        )
        return (header, offset..<payloadEnd)
    }
}
