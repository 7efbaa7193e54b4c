/// The RTP header fields the load checks (RFC 3550 §5.1).
struct RTPFields {
    var marker: Bool
    var sequenceNumber: UInt16
    var timestamp: UInt32
    var ssrc: UInt32
}

/// Walks a stream of `$`-framed interleaved packets (RFC 2326 §10.12: `$`, channel,
/// 16-bit length, data) chunk by chunk, and reports each packet's channel and, for
/// RTP, its header fields, without copying payloads. A frame whose start straddles
/// two chunks keeps at most `headBytes` bytes aside.
struct InterleavedScanner {
    /// The `$` header and a fixed RTP header: all a packet needs read.
    static let headBytes = 4 + 12

    private var head: [UInt8] = []
    private var skip = 0
    /// Set when a byte where a frame should start is not `$`.
    private(set) var isBroken = false

    init() { head.reserveCapacity(Self.headBytes) }

    mutating func scan(_ chunk: UnsafeRawBufferPointer, _ onPacket: (_ channel: UInt8, _ length: Int, _ rtp: RTPFields?) -> Void) {
        var index = 0
        let end = chunk.count
        while index < end, !isBroken {
            if skip > 0 {
                let step = min(skip, end - index)
                skip -= step
                index += step
                continue
            }
            if head.isEmpty, end - index >= Self.headBytes {
                // The common case: the whole head is in this chunk.
                let start = UnsafeRawBufferPointer(rebasing: chunk[index..<(index + Self.headBytes)])
                index += frame(start, onPacket)
                continue
            }
            // The head straddles chunks: gather it.
            head.append(chunk[index])
            index += 1
            if head.count == 4, head[0] == UInt8(ascii: "$") {
                let length = Int(head[2]) << 8 | Int(head[3])
                if length < Self.headBytes - 4 { complete(onPacket) }
            } else if head.count == Self.headBytes || head.first != UInt8(ascii: "$") {
                complete(onPacket)
            }
        }
    }

    /// Handles the gathered head once it holds the header and as much of the packet as it needs.
    private mutating func complete(_ onPacket: (UInt8, Int, RTPFields?) -> Void) {
        let gathered = head
        head.removeAll(keepingCapacity: true)
        gathered.withUnsafeBytes { _ = frame($0, onPacket) }
    }

    /// Reads the frame starting at `bytes` (its `$` header and up to 12 more bytes), reports
    /// it, and returns how many of `bytes` were used; the rest of the frame is left in `skip`.
    private mutating func frame(_ bytes: UnsafeRawBufferPointer, _ onPacket: (UInt8, Int, RTPFields?) -> Void) -> Int {
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "$") else {
            isBroken = true
            return bytes.count
        }
        let channel = bytes[1]
        let length = Int(bytes[2]) << 8 | Int(bytes[3])
        let available = min(length, bytes.count - 4)
        var fields: RTPFields?
        if channel % 2 == 0, available >= 12, bytes[4] >> 6 == 2 {
            fields = RTPFields(
                marker: bytes[5] & 0x80 != 0,
                sequenceNumber: UInt16(bytes[6]) << 8 | UInt16(bytes[7]),
                timestamp: UInt32(bytes[8]) << 24 | UInt32(bytes[9]) << 16 | UInt32(bytes[10]) << 8 | UInt32(bytes[11]),
                ssrc: UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8 | UInt32(bytes[15]))
        }
        onPacket(channel, length, fields)
        skip = length - available
        return 4 + available
    }
}
