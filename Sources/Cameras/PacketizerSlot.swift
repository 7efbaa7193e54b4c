import RTP

/// Holds a stream's packetizer while one encode job at a time borrows it, so the job
/// packetizes through it in place: the packetizer and its reused buffer stay uniquely
/// referenced, and an access unit copies and allocates nothing for them.
final class PacketizerSlot: @unchecked Sendable {
    var packetizer: any RTPPacketizer

    init(_ packetizer: any RTPPacketizer) { self.packetizer = packetizer }
}
