/// Why an `mpeg4-generic` payload (RFC 3640) could not be read.
public enum MPEG4GenericParseError: Error, Hashable, Sendable {
    /// The AU-header field widths are outside what this module reads.
    case unsupportedLayout(MPEG4GenericAUHeaderLayout)
    /// Fewer octets than the AU Header Section (or its length field) needs.
    case tooShort(needed: Int, available: Int)
    /// AU-headers-length is zero, though the layout gives every AU a size field.
    case noHeaders
    /// AU-headers-length ends inside an AU-header.
    case partialHeader(lengthBits: Int)
    /// More AU-headers than `MPEG4GenericAUHeaderSection.maximumHeaderCount`.
    case tooManyHeaders(limit: Int)
    /// The sizes of the AU-headers do not add up to the Access Unit Data Section.
    case sizeMismatch(declared: Int, available: Int)
    /// An AU-index or AU-Index-delta other than 0: interleaving, which camsim does not read.
    case interleaved(index: Int)
}
