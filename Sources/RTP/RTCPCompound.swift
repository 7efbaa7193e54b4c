/// Serializes and parses RTCP compound packets: RTCP packets back to back, each with its own
/// common header whose length field gives its size in 32-bit words minus one (RFC 3550 §6.1, §6.4.1).
///
/// Parsing checks every length against the octets left and accepts any packet order; it does
/// not insist that the compound starts with an SR or RR.
public enum RTCPCompound {
    public static func serialize(_ packets: [RTCPPacket]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packets.count * 64)
        for packet in packets { packet.write(into: &bytes) }
        return bytes
    }

    public static func parse(_ bytes: some RandomAccessCollection<UInt8>) throws(RTCPParseError) -> [RTCPPacket] {
        let bytes = Array(bytes)
        guard !bytes.isEmpty else { throw .empty }
        var packets: [RTCPPacket] = []
        var offset = 0
        while offset < bytes.count {
            let header = try RTCPCommonHeader.parse(bytes, at: offset)
            let packetEnd = offset + header.packetSize
            var bodyEnd = packetEnd
            // RFC 3550 §6.4.1: with P set, the last octet counts the padding octets, itself included.
            if header.padding {
                let available = header.packetSize - RTCPCommonHeader.size
                let count = bytes[packetEnd - 1]
                guard count > 0, Int(count) <= available else { throw .badPadding(count: count, available: available) }
                bodyEnd -= Int(count)
            }
            let body = bytes[(offset + RTCPCommonHeader.size)..<bodyEnd]
            switch header.packetType {
            case RTCPPacketType.senderReport:
                packets.append(.senderReport(try RTCPSenderReport.parse(body: body, count: header.count)))
            case RTCPPacketType.receiverReport:
                packets.append(.receiverReport(try RTCPReceiverReport.parse(body: body, count: header.count)))
            case RTCPPacketType.sourceDescription:
                packets.append(.sourceDescription(try RTCPSourceDescription.parse(body: body, count: header.count)))
            case RTCPPacketType.bye:
                packets.append(.bye(try RTCPBye.parse(body: body, count: header.count)))
            default:
                packets.append(.unknown(packetType: header.packetType, bytes: Array(bytes[offset..<packetEnd])))
            }
            offset = packetEnd
        }
        return packets
    }
}
