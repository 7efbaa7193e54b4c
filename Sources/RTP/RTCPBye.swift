/// An RTCP goodbye (RFC 3550 §6.6, PT=203): the sources are leaving, optionally with a reason.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |V=2|P|    SC   |   PT=BYE=203  |             length            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                           SSRC/CSRC                           |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     :                              ...                              :
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///     |     length    |               reason for leaving            ...  (opt)
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// The reason is padded with null octets to a 32-bit boundary.
public struct RTCPBye: Hashable, Sendable {
    /// The reason's 8-bit length field: longer reasons are truncated when written, at the last
    /// whole character that fits, so the text stays UTF-8.
    public static let maxReasonSize = 255

    /// At most `RTCPCommonHeader.maxCount` (31) are written; extras are dropped.
    public var sources: [UInt32]
    public var reason: String?

    public init(sources: [UInt32], reason: String? = nil) {
        self.sources = sources
        self.reason = reason
    }

    public func write(into bytes: inout [UInt8]) {
        let written = sources.prefix(RTCPCommonHeader.maxCount)
        RTCPCommonHeader.writePacket(into: &bytes, count: written.count, packetType: RTCPPacketType.bye) { body in
            for source in written { body.appendBigEndian(source) }
            if let reason {
                let size = Self.writtenReasonSize(reason)
                body.append(UInt8(size))
                body.append(contentsOf: reason.utf8.prefix(size))
            }
        }
    }

    /// UTF-8 octets of the reason's longest prefix of whole characters (Unicode scalars) that
    /// fits `maxReasonSize`; cutting a character in two would leave text that is not UTF-8
    /// (RFC 3550 §6.6).
    static func writtenReasonSize(_ reason: String) -> Int {
        var size = 0
        for scalar in reason.unicodeScalars {
            let width = UTF8.width(scalar)
            guard size + width <= maxReasonSize else { break }
            size += width
        }
        return size
    }

    /// `body` is the packet after its common header, padding removed.
    static func parse(body: ArraySlice<UInt8>, count: Int) throws(RTCPParseError) -> RTCPBye {
        let total = body.count
        guard count * 4 <= total else { throw .byeSourceOverflow(count: count, available: total) }
        let sources = (0..<count).map { body.uint32(at: $0 * 4) }
        var offset = count * 4
        var reason: String?
        if offset < total {
            let size = Int(body.byte(at: offset))
            offset += 1
            guard offset + size <= total else { throw .byeReasonOverflow(length: size, available: total - offset) }
            reason = String(decoding: body.bytes(in: offset..<(offset + size)), as: UTF8.self)
        }
        return RTCPBye(sources: sources, reason: reason)
    }
}
