/// Decodes base64 that arrives in pieces cut anywhere (RFC 4648 §4), as the client
/// half of an RTSP-over-HTTP tunnel sends it: each request encoded on its own, so
/// padding can appear mid-stream. Whitespace is skipped; any other stray character
/// makes the stream invalid.
public struct Base64StreamDecoder: Sendable {
    private var quad: [UInt8] = []
    public private(set) var isInvalid = false

    public init() {}

    /// Decodes what `bytes` complete; a partial group waits for the next call.
    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        guard !isInvalid else { return output }
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            guard byte == UInt8(ascii: "=") || Self.value(of: byte) != nil else {
                isInvalid = true
                return output
            }
            quad.append(byte)
            guard quad.count == 4 else { continue }
            defer { quad.removeAll(keepingCapacity: true) }
            let values = quad.map { Self.value(of: $0) }
            guard let a = values[0], let b = values[1] else {
                isInvalid = true
                return output
            }
            output.append(a << 2 | b >> 4)
            if let c = values[2] {
                output.append((b & 0x0F) << 4 | c >> 2)
                if let d = values[3] { output.append((c & 0x03) << 6 | d) }
            }
        }
        return output
    }

    /// The 6-bit value of a base64 alphabet character (RFC 4648 Table 1).
    private static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
