/// The header every RTCP packet starts with (RFC 3550 §6.4.1). `length` is the packet size in
/// 32-bit words minus one, header included.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |V=2|P|  RC/SC  |      PT       |             length            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
struct RTCPCommonHeader {
    static let size = 4
    static let versionShift: UInt8 = 6
    static let paddingMask: UInt8 = 0x20
    static let countMask: UInt8 = 0x1F
    /// RC, SC: five bits.
    static let maxCount = 31

    var padding: Bool
    var count: Int
    var packetType: UInt8
    /// Whole packet size in octets, header and padding included.
    var packetSize: Int

    /// Reads the header at `offset` and checks version and length against the octets left.
    static func parse(_ bytes: [UInt8], at offset: Int) throws(RTCPParseError) -> RTCPCommonHeader {
        let available = bytes.count - offset
        guard available >= size else { throw .tooShort(needed: size, available: available) }
        let first = bytes[offset]
        let version = first >> versionShift
        guard version == RTPHeader.version else { throw .badVersion(version) }
        let packetSize = (Int(bytes.uint16(at: offset + 2)) + 1) * 4
        guard packetSize <= available else { throw .lengthOverflow(declared: packetSize, available: available) }
        return RTCPCommonHeader(
            padding: first & paddingMask != 0,
            count: Int(first & countMask),
            packetType: bytes[offset + 1],
            packetSize: packetSize
        )
    }

    /// Appends a header, lets `body` append the rest, pads it to a word boundary and fills in
    /// the length. `count` must already be limited to `maxCount`.
    static func writePacket(
        into bytes: inout [UInt8],
        count: Int,
        packetType: UInt8,
        body: (inout [UInt8]) -> Void
    ) {
        let start = bytes.count
        bytes.append(RTPHeader.version << versionShift | UInt8(count) & countMask)
        bytes.append(packetType)
        bytes.appendBigEndian(UInt16(0))
        body(&bytes)
        while (bytes.count - start) % 4 != 0 { bytes.append(0) }
        let words = (bytes.count - start) / 4 - 1
        bytes[start + 2] = UInt8(truncatingIfNeeded: words >> 8)
        bytes[start + 3] = UInt8(truncatingIfNeeded: words)
    }
}

/// RTCP packet type numbers (RFC 3550 §12.1).
public enum RTCPPacketType {
    public static let senderReport: UInt8 = 200
    public static let receiverReport: UInt8 = 201
    public static let sourceDescription: UInt8 = 202
    public static let bye: UInt8 = 203
    public static let application: UInt8 = 204
}
