/// Why an H.264 syntax structure could not be read.
public enum H264SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The NAL unit ended inside a field.
    case truncated
    /// An Exp-Golomb code with more leading zeros than `H264BitReader.maxLeadingZeros`.
    case expGolombTooLong
    /// A field holds a value the standard does not allow.
    case outOfRange(field: String, value: Int64)
    /// The NAL unit is not of the type the reader wants.
    case wrongNALType(UInt8)

    public var description: String {
        switch self {
        case .truncated: "NAL unit ends inside a field"
        case .expGolombTooLong: "Exp-Golomb code longer than 32 bits"
        case let .outOfRange(field, value): "\(field) = \(value) is out of range"
        case let .wrongNALType(type): "NAL unit type \(type) is not the one expected"
        }
    }
}
