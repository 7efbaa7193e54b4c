/// An RTCP source description (RFC 3550 §6.5, PT=202): chunks of items describing sources.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |V=2|P|    SC   |  PT=SDES=202  |             length            |
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///     |                          SSRC/CSRC_1                          |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |    type (8)   |   length (8)  |  text (length octets) ...     |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |  ... more items, then 1 to 4 null octets to a 32-bit boundary |
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///
/// Each chunk's item list ends with at least one null octet (the END item, type 0), and more
/// null octets pad the chunk to a 32-bit boundary.
public struct RTCPSourceDescription: Hashable, Sendable {
    /// An SDES item type (RFC 3550 §6.5.1–§6.5.8).
    public struct ItemType: RawRepresentable, Hashable, Sendable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let end = ItemType(rawValue: 0)
        public static let cname = ItemType(rawValue: 1)
        public static let name = ItemType(rawValue: 2)
        public static let email = ItemType(rawValue: 3)
        public static let phone = ItemType(rawValue: 4)
        public static let location = ItemType(rawValue: 5)
        public static let tool = ItemType(rawValue: 6)
        public static let note = ItemType(rawValue: 7)
        public static let privateExtension = ItemType(rawValue: 8)
    }

    /// One item: type and value (UTF-8 text for the standard types).
    public struct Item: Hashable, Sendable {
        /// The 8-bit length field: longer values are truncated when written.
        public static let maxValueSize = 255

        public var type: ItemType
        public var value: [UInt8]

        public init(type: ItemType, value: [UInt8]) {
            self.type = type
            self.value = value
        }

        public init(type: ItemType, text: String) {
            self.init(type: type, value: Array(text.utf8))
        }

        /// The value decoded as UTF-8, invalid sequences replaced.
        public var text: String { String(decoding: value, as: UTF8.self) }
    }

    /// The items describing one source.
    public struct Chunk: Hashable, Sendable {
        public var ssrc: UInt32
        /// Items of type `end` are skipped when written: the terminator is added automatically.
        public var items: [Item]

        public init(ssrc: UInt32, items: [Item]) {
            self.ssrc = ssrc
            self.items = items
        }
    }

    /// At most `RTCPCommonHeader.maxCount` (31) are written; extras are dropped.
    public var chunks: [Chunk]

    public init(chunks: [Chunk]) { self.chunks = chunks }

    /// The usual SDES: one chunk with just a CNAME.
    public init(ssrc: UInt32, cname: String) {
        self.init(chunks: [Chunk(ssrc: ssrc, items: [Item(type: .cname, text: cname)])])
    }

    /// The first CNAME of the chunk for `ssrc`.
    public func cname(for ssrc: UInt32) -> String? {
        chunks.first { $0.ssrc == ssrc }?.items.first { $0.type == .cname }?.text
    }

    public func write(into bytes: inout [UInt8]) {
        let written = chunks.prefix(RTCPCommonHeader.maxCount)
        RTCPCommonHeader.writePacket(into: &bytes, count: written.count, packetType: RTCPPacketType.sourceDescription) { body in
            let bodyStart = body.count  // chunks start 32-bit aligned after the common header
            for chunk in written {
                body.appendBigEndian(chunk.ssrc)
                for item in chunk.items where item.type != .end {
                    let size = min(item.value.count, Item.maxValueSize)
                    body.append(item.type.rawValue)
                    body.append(UInt8(size))
                    body.append(contentsOf: item.value[0..<size])
                }
                body.append(ItemType.end.rawValue)
                while (body.count - bodyStart) % 4 != 0 { body.append(0) }
            }
        }
    }

    /// `body` is the packet after its common header, padding removed. Octets after the
    /// `count` chunks are ignored.
    static func parse(body: ArraySlice<UInt8>, count: Int) throws(RTCPParseError) -> RTCPSourceDescription {
        var chunks: [Chunk] = []
        chunks.reserveCapacity(count)
        var offset = 0
        let total = body.count
        for chunkIndex in 0..<count {
            guard offset + 4 <= total else { throw .sdesChunkTruncated(chunk: chunkIndex) }
            var chunk = Chunk(ssrc: body.uint32(at: offset), items: [])
            offset += 4
            while true {
                guard offset < total else { throw .sdesChunkTruncated(chunk: chunkIndex) }
                let type = body.byte(at: offset)
                if type == ItemType.end.rawValue {
                    offset = (offset + 4) & ~3  // the null octet and the padding up to the boundary
                    break
                }
                guard offset + 2 <= total else { throw .sdesItemOverflow(chunk: chunkIndex) }
                let size = Int(body.byte(at: offset + 1))
                let valueStart = offset + 2
                guard valueStart + size <= total else { throw .sdesItemOverflow(chunk: chunkIndex) }
                chunk.items.append(Item(type: ItemType(rawValue: type), value: body.bytes(in: valueStart..<(valueStart + size))))
                offset = valueStart + size
            }
            chunks.append(chunk)
        }
        return RTCPSourceDescription(chunks: chunks)
    }
}
