/// The fixed RTP header fields of one packet (RFC 3550 §5.1) and where its payload starts.
struct RTPPacketView {
    var version: UInt8
    var marker: Bool
    var payloadType: UInt8
    var sequenceNumber: UInt16
    var timestamp: UInt32
    var ssrc: UInt32
    var payload: ArraySlice<UInt8>

    /// Parses `bytes`, skipping CSRCs, a header extension and padding; nil if it is not RTP v2.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 12, bytes[0] >> 6 == 2 else { return nil }
        version = 2
        marker = bytes[1] & 0x80 != 0
        payloadType = bytes[1] & 0x7F
        sequenceNumber = UInt16(bytes[2]) << 8 | UInt16(bytes[3])
        timestamp = bigEndian32(bytes, at: 4)
        ssrc = bigEndian32(bytes, at: 8)
        var offset = 12 + Int(bytes[0] & 0x0F) * 4
        if bytes[0] & 0x10 != 0 {
            guard bytes.count >= offset + 4 else { return nil }
            offset += 4 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])) * 4
        }
        var end = bytes.count
        if bytes[0] & 0x20 != 0, let padding = bytes.last { end -= Int(padding) }
        guard offset <= end else { return nil }
        payload = bytes[offset..<end]
    }

    /// The H.264 NAL unit type of the payload's first byte (24 = STAP-A, 28 = FU-A).
    var nalType: UInt8? { payload.first.map { $0 & 0x1F } }

    /// For an FU-A, the type of the fragmented NAL unit and whether this is its start.
    var fragmentHeader: (type: UInt8, isStart: Bool)? {
        guard nalType == 28, payload.count >= 2 else { return nil }
        let header = payload[payload.startIndex + 1]
        return (header & 0x1F, header & 0x80 != 0)
    }
}

/// One packet of an RTCP compound (RFC 3550 §6.4): its type and its bytes.
struct RTCPPacketView {
    var packetType: UInt8
    var count: UInt8
    var bytes: ArraySlice<UInt8>

    /// Splits a compound packet; nil if any length is inconsistent.
    static func split(_ datagram: [UInt8]) -> [RTCPPacketView]? {
        var packets: [RTCPPacketView] = []
        var offset = 0
        while offset < datagram.count {
            guard datagram.count >= offset + 4, datagram[offset] >> 6 == 2 else { return nil }
            let length = ((Int(datagram[offset + 2]) << 8 | Int(datagram[offset + 3])) + 1) * 4
            guard datagram.count >= offset + length else { return nil }
            packets.append(RTCPPacketView(
                packetType: datagram[offset + 1], count: datagram[offset] & 0x1F,
                bytes: datagram[offset..<(offset + length)]))
            offset += length
        }
        return packets
    }

    /// Whether any packet of the compound `datagram` is an RTCP BYE (203).
    static func containsBye(_ datagram: [UInt8]) -> Bool {
        split(datagram)?.contains { $0.packetType == 203 } ?? false
    }

    /// For a sender report (200) long enough to hold them (RFC 3550 §6.4.1): the sender's
    /// SSRC, the NTP timestamp in seconds (seconds plus fraction) and the RTP timestamp.
    var senderInfo: (ssrc: UInt32, ntpSeconds: Double, rtpTimestamp: UInt32)? {
        guard packetType == 200, bytes.count >= 20 else { return nil }
        let bytes = Array(self.bytes)
        let ntp = Double(bigEndian32(bytes, at: 8)) + Double(bigEndian32(bytes, at: 12)) / 4_294_967_296
        return (bigEndian32(bytes, at: 4), ntp, bigEndian32(bytes, at: 16))
    }

    /// For an SDES packet (202), the CNAME items (type 1) of its chunks.
    var cnames: [String] {
        guard packetType == 202 else { return [] }
        var names: [String] = []
        var offset = bytes.startIndex + 4
        for _ in 0..<count {
            offset += 4  // SSRC/CSRC
            while offset < bytes.endIndex, bytes[offset] != 0 {
                guard offset + 1 < bytes.endIndex else { return names }
                let type = bytes[offset]
                let length = Int(bytes[offset + 1])
                let start = offset + 2
                guard start + length <= bytes.endIndex else { return names }
                if type == 1 { names.append(String(decoding: bytes[start..<(start + length)], as: UTF8.self)) }
                offset = start + length
            }
            // The null item, then padding to the next 32-bit boundary.
            offset += 1
            let relative = offset - bytes.startIndex
            offset += (4 - relative % 4) % 4
        }
        return names
    }
}

/// A big-endian 32-bit integer at `offset`.
func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
        | UInt32(bytes[offset + 3])
}
