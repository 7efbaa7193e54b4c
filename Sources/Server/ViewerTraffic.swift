/// One viewer's running counts: RTP packets and bytes written to it, the part of them
/// not yet added to the stream's totals, what its receiver reports said, and the SSRC
/// and clock rate it is sent under. Loop-confined, plain integers: the hot path pays
/// two additions per packet.
struct ViewerTraffic: Sendable {
    /// How often a viewer with faults publishes its fault counts to the camera's totals.
    static let faultPublishInterval: Int64 = 250_000_000

    private(set) var packets = 0
    private(set) var bytes = 0
    private var publishedPackets = 0
    private var publishedBytes = 0
    private var faultsPublishedAt: Int64 = .min
    var reception = ReceptionReportTracker()
    /// The SSRC the last access unit went out under (a fault may rewrite the stream's).
    var ssrc: UInt32?
    var clockRate: UInt32 = 90_000

    mutating func count(bytes size: Int) {
        packets += 1
        bytes += size
    }

    /// Packets and bytes since the last call.
    mutating func takeUnpublished() -> (packets: Int, bytes: Int) {
        defer {
            publishedPackets = packets
            publishedBytes = bytes
        }
        return (packets - publishedPackets, bytes - publishedBytes)
    }

    /// True when fault counts were last published `faultPublishInterval` or more ago (and marks them published).
    mutating func faultPublicationDue(at now: Int64) -> Bool {
        guard faultsPublishedAt == .min || now - faultsPublishedAt >= Self.faultPublishInterval else { return false }
        faultsPublishedAt = now
        return true
    }
}
