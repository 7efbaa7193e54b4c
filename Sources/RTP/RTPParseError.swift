/// Why an RTP packet could not be parsed (RFC 3550 §5.1).
public enum RTPParseError: Error, Equatable, Sendable {
    /// Fewer octets than the fixed header plus the CSRC list announce.
    case tooShort(needed: Int, available: Int)
    /// The version field is not 2.
    case badVersion(UInt8)
    /// The P bit is set but the padding count is zero or larger than the space after the header.
    case badPadding(count: UInt8, available: Int)
    /// The X bit is set but the header extension runs past the end of the packet.
    case extensionOverflow(needed: Int, available: Int)
}
