/// Why a JPEG is not one RFC 2435 can carry as it is, or is not a JPEG at all.
public enum BaselineJPEGError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes do not start with SOI.
    case notJPEG
    /// A segment, or the scan, runs past the end of the bytes (the offset where it starts).
    case truncated(at: Int)
    /// Something other than a marker where one must be (the offset).
    case expectedMarker(at: Int)
    /// A segment's length field is too small for what it must hold (marker, length).
    case badSegmentLength(marker: UInt8, length: Int)
    /// A frame other than baseline DCT (SOF0), e.g. progressive or arithmetic-coded.
    case notBaseline(marker: UInt8)
    /// Sample precision other than 8 bits.
    case unsupportedPrecision(Int)
    /// Not three Y'CbCr components sampled 4:2:0 or 4:2:2 with chroma sharing one table.
    case unsupportedComponents
    /// A quantization table with a precision or destination T.81 does not define.
    case badQuantizationTable(precisionAndDestination: UInt8)
    /// The frame names a quantization table no DQT defined.
    case missingQuantizationTable(destination: Int)
    /// A Huffman table other than the typical one of T.81 Annex K.3 for its class and
    /// destination: RFC 2435 receivers assume the typical tables (class, destination).
    case nonTypicalHuffmanTable(tableClass: UInt8, destination: UInt8)
    /// A scan other than one interleaved sequential scan of the three components, with
    /// luma on Huffman tables 0 and chroma on tables 1.
    case unsupportedScan
    /// A marker that does not belong where it is (the marker, the offset).
    case unexpectedMarker(UInt8, at: Int)
    /// The scan is not followed by EOI.
    case missingEndOfImage

    public var description: String {
        switch self {
        case .notJPEG: "not a JPEG: no SOI marker"
        case .truncated(let at): "JPEG truncated: the segment at offset \(at) runs past the end"
        case .expectedMarker(let at): "JPEG marker expected at offset \(at)"
        case .badSegmentLength(let marker, let length): "JPEG segment 0xFF\(hex(marker)) has a bad length \(length)"
        case .notBaseline(let marker): "JPEG frame 0xFF\(hex(marker)) is not baseline (SOF0)"
        case .unsupportedPrecision(let bits): "JPEG sample precision \(bits) bits, not 8"
        case .unsupportedComponents: "JPEG components are not Y'CbCr 4:2:0 or 4:2:2 with one chroma table"
        case .badQuantizationTable(let pqTq): "JPEG quantization table with Pq/Tq 0x\(hex(pqTq))"
        case .missingQuantizationTable(let destination): "JPEG quantization table \(destination) is not defined"
        case .nonTypicalHuffmanTable(let tableClass, let destination):
            "JPEG Huffman table (class \(tableClass), destination \(destination)) is not the typical table of T.81 Annex K.3"
        case .unsupportedScan: "JPEG scan is not one interleaved baseline scan of Y, Cb and Cr"
        case .unexpectedMarker(let marker, let at): "JPEG marker 0xFF\(hex(marker)) unexpected at offset \(at)"
        case .missingEndOfImage: "JPEG scan is not followed by EOI"
        }
    }
}

private func hex(_ value: UInt8) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return value < 16 ? "0" + digits : digits
}
