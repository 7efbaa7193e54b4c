/// Finding, in a parsed compound, what a receiver said about one source (RFC 3550 §6.4):
/// the report blocks of its SRs and RRs.
extension Collection<RTCPPacket> {
    /// The last report block about `ssrc` in SR or RR packets, with the SSRC of the
    /// participant that sent it; nil when no block names that source.
    public func reportBlock(about ssrc: UInt32) -> (reporter: UInt32, block: RTCPReportBlock)? {
        var found: (reporter: UInt32, block: RTCPReportBlock)?
        for packet in self {
            let reporter: UInt32
            let blocks: [RTCPReportBlock]
            switch packet {
            case .senderReport(let report): (reporter, blocks) = (report.ssrc, report.reportBlocks)
            case .receiverReport(let report): (reporter, blocks) = (report.ssrc, report.reportBlocks)
            case .sourceDescription, .bye, .unknown: continue
            }
            if let block = blocks.last(where: { $0.ssrc == ssrc }) { found = (reporter, block) }
        }
        return found
    }
}
