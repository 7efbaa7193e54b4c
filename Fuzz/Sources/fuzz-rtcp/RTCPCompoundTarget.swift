import FuzzSupport
import RTP

/// RTCP compound packets (RFC 3550 §6.1, §6.4, §6.5, §6.6): whatever parses serializes to
/// bytes that parse back to the same packets and serialize the same again. The one change
/// allowed is a BYE reason over 255 UTF-8 octets (a received one that is not UTF-8 grows when
/// read), which is cut to whole characters that fit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTCPCompound(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let packets = try? RTCPCompound.parse(bytes) else { return 0 }
    invariant(!packets.isEmpty, "an empty compound parsed")
    let serialized = RTCPCompound.serialize(packets)
    invariant(serialized.count % 4 == 0, "serialized to \(serialized.count) bytes, not whole words")
    let reparsed: [RTCPPacket]
    do {
        reparsed = try RTCPCompound.parse(serialized)
    } catch {
        invariant(false, "serialized compound does not parse: \(error)")
        return 0
    }
    invariant(reparsed.count == packets.count, "round trip changed the packet count")
    for (before, after) in zip(packets, reparsed) {
        guard case .bye(let sent) = before, case .bye(let received) = after else {
            invariant(before == after, "round trip changed a packet")
            continue
        }
        invariant(sent.sources == received.sources, "round trip changed the BYE sources")
        invariant((sent.reason == nil) == (received.reason == nil), "round trip added or lost the BYE reason")
        guard let reason = sent.reason, let written = received.reason else { continue }
        invariant(written.utf8.count <= RTCPBye.maxReasonSize, "BYE reason written cut inside a character")
        invariant(reason.unicodeScalars.starts(with: written.unicodeScalars), "BYE reason is not a prefix")
        if reason.utf8.count <= RTCPBye.maxReasonSize { invariant(written == reason, "BYE reason changed") }
    }
    invariant(RTCPCompound.serialize(reparsed) == serialized, "serialization is not stable")
    checkReportBlocks(packets)
    return 0
}

/// What a server reads from a viewer's reports: every block found by its source, with a
/// loss ratio in 0...1, a jitter that is never negative, and a round trip that is never
/// negative, whatever the fields hold.
private func checkReportBlocks(_ packets: [RTCPPacket]) {
    for packet in packets {
        let blocks: [RTCPReportBlock]
        switch packet {
        case .senderReport(let report): blocks = report.reportBlocks
        case .receiverReport(let report): blocks = report.reportBlocks
        case .sourceDescription, .bye, .unknown: continue
        }
        for block in blocks {
            invariant(packets.reportBlock(about: block.ssrc) != nil, "a block about \(block.ssrc) is not found")
            invariant((0...1).contains(block.fractionLostRatio), "fraction lost out of range")
            invariant(block.jitterSeconds(clockRate: 90_000) >= 0, "negative jitter")
            let roundTrip = block.roundTripNanoseconds(sentAt: 0, receivedAt: 1_000_000_000)
            invariant(roundTrip.map { $0 >= 0 } ?? (block.lastSR == 0), "negative or missing round trip")
        }
    }
}
