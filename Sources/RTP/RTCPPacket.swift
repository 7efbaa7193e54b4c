/// One packet of an RTCP compound packet (RFC 3550 §6).
public enum RTCPPacket: Hashable, Sendable {
    case senderReport(RTCPSenderReport)
    case receiverReport(RTCPReceiverReport)
    case sourceDescription(RTCPSourceDescription)
    case bye(RTCPBye)
    /// Any other packet type (APP, feedback, XR...): the whole packet as received, common
    /// header and padding included, written back verbatim.
    case unknown(packetType: UInt8, bytes: [UInt8])

    public func write(into bytes: inout [UInt8]) {
        switch self {
        case .senderReport(let report): report.write(into: &bytes)
        case .receiverReport(let report): report.write(into: &bytes)
        case .sourceDescription(let description): description.write(into: &bytes)
        case .bye(let bye): bye.write(into: &bytes)
        case .unknown(_, let packet): bytes.append(contentsOf: packet)
        }
    }
}
