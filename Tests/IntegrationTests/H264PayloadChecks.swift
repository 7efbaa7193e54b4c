/// What a viewer's first RTP packet may carry: the start of an access unit that decodes
/// on its own (RFC 6184): a STAP-A opening with the SPS, a bare SPS, an IDR slice, or
/// the first fragment of one.
enum H264PayloadChecks {
    static func startsDecodableAccessUnit(_ packet: RTPPacketView) -> Bool {
        switch packet.nalType {
        case 24:
            // STAP-A: 16-bit size, then the first aggregated NAL unit's header.
            let payload = Array(packet.payload)
            guard payload.count >= 4 else { return false }
            return payload[3] & 0x1F == 7
        case 7, 5:
            return true
        case 28:
            guard let fragment = packet.fragmentHeader else { return false }
            return fragment.isStart && (fragment.type == 5 || fragment.type == 7)
        default:
            return false
        }
    }

    static func describe(_ packet: RTPPacketView) -> String {
        let head = packet.payload.prefix(8).map { String($0, radix: 16) }.joined(separator: " ")
        return "RTP seq \(packet.sequenceNumber) ts \(packet.timestamp) pt \(packet.payloadType) NAL type \(packet.nalType.map(String.init) ?? "-") payload starts \(head)"
    }
}
