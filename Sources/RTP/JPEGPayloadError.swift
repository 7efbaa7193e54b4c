/// Why an RTP/JPEG payload (RFC 2435) could not be read, or a frame not sent.
public enum JPEGPayloadError: Error, Hashable, Sendable {
    /// Fewer octets than the headers announce.
    case tooShort(needed: Int, available: Int)
    /// A Quantization Table header longer than four 16-bit tables (`maxDataLength`).
    case quantizationTablesTooLong(Int)
    /// A Quantization Table header whose length does not split into whole tables.
    case quantizationTableLengthMismatch(Int)
    /// The picture size is not a multiple of 8 in 8...2040, so RFC 2435 cannot describe it.
    case sizeNotCarriable(width: Int, height: Int)
    /// The scan is longer than the 24-bit fragment offset can address.
    case scanTooLong(Int)
    /// Not exactly one luma and one chroma quantization table.
    case tableCountNotTwo(Int)
    /// A restart interval beyond 16 bits.
    case restartIntervalTooLong(Int)
}
