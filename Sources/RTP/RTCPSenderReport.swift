/// An RTCP sender report (RFC 3550 §6.4.1, PT=200).
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |V=2|P|    RC   |   PT=SR=200   |             length            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                         SSRC of sender                        |
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///     |              NTP timestamp, most significant word             |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |             NTP timestamp, least significant word             |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                         RTP timestamp                         |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                     sender's packet count                     |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                      sender's octet count                     |
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///     |                 report blocks (24 octets each)                |
///
/// Profile-specific extensions after the report blocks are skipped when parsing.
public struct RTCPSenderReport: Hashable, Sendable {
    /// SSRC plus sender info: the body before the report blocks.
    static let fixedBodySize = 24

    public var ssrc: UInt32
    /// Wall-clock time of this report, NTP format (see `NTPTimestamp`).
    public var ntpTimestamp: UInt64
    /// The same instant on the RTP media clock.
    public var rtpTimestamp: UInt32
    public var packetCount: UInt32
    /// Payload octets sent, RTP headers and padding excluded.
    public var octetCount: UInt32
    /// At most `RTCPCommonHeader.maxCount` (31) are written; extras are dropped.
    public var reportBlocks: [RTCPReportBlock]

    public init(
        ssrc: UInt32,
        ntpTimestamp: UInt64,
        rtpTimestamp: UInt32,
        packetCount: UInt32,
        octetCount: UInt32,
        reportBlocks: [RTCPReportBlock] = []
    ) {
        self.ssrc = ssrc
        self.ntpTimestamp = ntpTimestamp
        self.rtpTimestamp = rtpTimestamp
        self.packetCount = packetCount
        self.octetCount = octetCount
        self.reportBlocks = reportBlocks
    }

    public func write(into bytes: inout [UInt8]) {
        let blocks = reportBlocks.prefix(RTCPCommonHeader.maxCount)
        RTCPCommonHeader.writePacket(into: &bytes, count: blocks.count, packetType: RTCPPacketType.senderReport) { body in
            body.appendBigEndian(ssrc)
            body.appendBigEndian(ntpTimestamp)
            body.appendBigEndian(rtpTimestamp)
            body.appendBigEndian(packetCount)
            body.appendBigEndian(octetCount)
            for block in blocks { block.write(into: &body) }
        }
    }

    /// `body` is the packet after its common header, padding removed.
    static func parse(body: ArraySlice<UInt8>, count: Int) throws(RTCPParseError) -> RTCPSenderReport {
        guard body.count >= fixedBodySize else {
            throw .tooShort(needed: RTCPCommonHeader.size + fixedBodySize, available: RTCPCommonHeader.size + body.count)
        }
        return RTCPSenderReport(
            ssrc: body.uint32(at: 0),
            ntpTimestamp: body.uint64(at: 4),
            rtpTimestamp: body.uint32(at: 12),
            packetCount: body.uint32(at: 16),
            octetCount: body.uint32(at: 20),
            reportBlocks: try RTCPReportBlock.readBlocks(body, at: fixedBodySize, count: count)
        )
    }
}
