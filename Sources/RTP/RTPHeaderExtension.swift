import NIOCore

/// An RTP header extension (RFC 3550 §5.3.1): a 16-bit profile-defined value and
/// data that occupies a whole number of 32-bit words.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |      defined by profile       |           length              |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                        header extension                       |
///     |                             ....                              |
public struct RTPHeaderExtension: Hashable, Sendable {
    /// Octets before the extension data: profile (16 bits) and length in words (16 bits).
    public static let preambleSize = 4
    /// The largest data size the 16-bit word count can describe.
    public static let maxDataSize = Int(UInt16.max) * 4

    public var profile: UInt16
    /// The extension data. Written zero-padded to a 32-bit boundary and truncated to `maxDataSize`.
    public var data: [UInt8]

    public init(profile: UInt16, data: [UInt8] = []) {
        self.profile = profile
        self.data = data
    }

    /// Size on the wire, preamble included.
    public var encodedSize: Int {
        Self.preambleSize + (min(data.count, Self.maxDataSize) + 3) / 4 * 4
    }

    func write(into bytes: inout [UInt8]) {
        let dataSize = min(data.count, Self.maxDataSize)
        let words = (dataSize + 3) / 4
        bytes.appendBigEndian(profile)
        bytes.appendBigEndian(UInt16(words))
        bytes.append(contentsOf: data[0..<dataSize])
        for _ in dataSize..<(words * 4) { bytes.append(0) }
    }

    func write(into buffer: inout ByteBuffer) {
        let dataSize = min(data.count, Self.maxDataSize)
        let words = (dataSize + 3) / 4
        buffer.writeInteger(profile)
        buffer.writeInteger(UInt16(words))
        buffer.writeBytes(data[0..<dataSize])
        buffer.writeRepeatingByte(0, count: words * 4 - dataSize)
    }
}
