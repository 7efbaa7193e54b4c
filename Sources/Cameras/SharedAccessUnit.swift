import RTP

/// One access unit a shared encoder made, kept as its parts (NAL units without start
/// codes, or a JPEG frame) so that each sharing camera packetizes it with its own RTP
/// identity. Immutable once made, so cameras read it on any thread.
final class SharedAccessUnit: Sendable {
    /// The parts back to back.
    let bytes: [UInt8]
    /// Where each part lies in `bytes`.
    let parts: [Range<Int>]
    /// Whether a decoder can start on it (the format packetizer's `containsIDR`).
    let isIDR: Bool

    init(parts source: [UnsafeRawBufferPointer], isIDR: Bool) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.reduce(0) { $0 + $1.count })
        var parts: [Range<Int>] = []
        parts.reserveCapacity(source.count)
        for part in source {
            let start = bytes.count
            bytes.append(contentsOf: part)
            parts.append(start..<bytes.count)
        }
        self.bytes = bytes
        self.parts = parts
        self.isIDR = isIDR
    }

    /// The unit cut into RTP packets by a camera's own packetizer, stamped `timestamp`.
    func packetize(with packetizer: inout any RTPPacketizer, timestamp: UInt32) -> RTPPacketBatch {
        bytes.withUnsafeBytes { all in
            let views = parts.map { UnsafeRawBufferPointer(rebasing: all[$0]) }
            return packetizer.packetize(units: views, timestamp: timestamp)
        }
    }
}

/// A packetizer that keeps a copy of the access unit it is given, so a shared encoder
/// can hand an encoding source's output to every sharing camera. It also packetizes the
/// unit with the format's own packetizer, to learn whether it is a random-access point.
struct AccessUnitCapture: RTPPacketizer {
    var format: any RTPPacketizer
    /// The unit packetized last.
    private(set) var captured: SharedAccessUnit?

    init(format: any RTPPacketizer) {
        self.format = format
    }

    var ssrc: UInt32 { format.ssrc }
    var payloadType: UInt8 { format.payloadType }
    var nextSequenceNumber: UInt16 { format.nextSequenceNumber }
    var maxPacketSize: Int { format.maxPacketSize }

    mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        let batch = format.packetize(units: units, timestamp: timestamp)
        captured = SharedAccessUnit(parts: units, isIDR: batch.containsIDR)
        return batch
    }

    func continuing() -> AccessUnitCapture { AccessUnitCapture(format: format.continuing()) }
}
