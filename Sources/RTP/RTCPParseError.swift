/// Why an RTCP compound packet could not be parsed (RFC 3550 §6).
public enum RTCPParseError: Error, Equatable, Sendable {
    /// The compound packet holds no octets at all.
    case empty
    /// Fewer octets than a common header, or than the fixed fields of the packet type.
    case tooShort(needed: Int, available: Int)
    /// The version field is not 2.
    case badVersion(UInt8)
    /// The length field describes a packet longer than the octets left.
    case lengthOverflow(declared: Int, available: Int)
    /// The P bit is set but the padding count is zero or larger than the packet body.
    case badPadding(count: UInt8, available: Int)
    /// SR/RR: the report count asks for more report blocks than the packet holds.
    case reportBlockOverflow(count: Int, available: Int)
    /// SDES: a chunk's SSRC or its null terminator is missing.
    case sdesChunkTruncated(chunk: Int)
    /// SDES: an item's length runs past the end of the packet.
    case sdesItemOverflow(chunk: Int)
    /// BYE: the source count asks for more SSRCs than the packet holds.
    case byeSourceOverflow(count: Int, available: Int)
    /// BYE: the reason length runs past the end of the packet.
    case byeReasonOverflow(length: Int, available: Int)
}
