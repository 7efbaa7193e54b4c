/// An RTCP receiver report (RFC 3550 §6.4.2, PT=201).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |V=2|P|    RC   |   PT=RR=201   |             length            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                     SSRC of packet sender                     |
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///     |                 report blocks (24 octets each)                |
///
/// Profile-specific extensions after the report blocks are skipped when parsing.
public struct RTCPReceiverReport: Hashable, Sendable {
    static let fixedBodySize = 4

    public var ssrc: UInt32
    /// At most `RTCPCommonHeader.maxCount` (31) are written; extras are dropped.
    public var reportBlocks: [RTCPReportBlock]

    public init(ssrc: UInt32, reportBlocks: [RTCPReportBlock] = []) {
        self.ssrc = ssrc
        self.reportBlocks = reportBlocks
    }

    public func write(into bytes: inout [UInt8]) {
        let blocks = reportBlocks.prefix(RTCPCommonHeader.maxCount)
        RTCPCommonHeader.writePacket(into: &bytes, count: blocks.count, packetType: RTCPPacketType.receiverReport) { body in
            body.appendBigEndian(ssrc)
            for block in blocks { block.write(into: &body) }
        }
    }

    /// `body` is the packet after its common header, padding removed.
    static func parse(body: ArraySlice<UInt8>, count: Int) throws(RTCPParseError) -> RTCPReceiverReport {
        guard body.count >= fixedBodySize else {
            throw .tooShort(needed: RTCPCommonHeader.size + fixedBodySize, available: RTCPCommonHeader.size + body.count)
        }
        return RTCPReceiverReport(
            ssrc: body.uint32(at: 0),
            reportBlocks: try RTCPReportBlock.readBlocks(body, at: fixedBodySize, count: count)
        )
    }
}
