import FuzzSupport
import H265Syntax
import RTP

/// The RFC 7798 depayloader fed a run of RTP payloads. The input is records of one flags
/// octet (bit 0: marker, bit 1: a sequence gap before this packet), a 16-bit length and
/// that many payload octets (fewer at the end). Whatever it yields is a NAL unit with its
/// two header octets, within the size limit, and packetizing those NAL units again and
/// depayloading the packets gives them back unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzH265Depayloader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    var depayloader = H265Depayloader()
    var sequence: UInt16 = 0
    var yielded: [[UInt8]] = []
    var offset = 0
    while offset + 3 <= bytes.count {
        let flags = bytes[offset]
        let length = Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
        let end = min(bytes.count, offset + 3 + length)
        let payload = bytes[(offset + 3)..<end]
        offset = end
        sequence &+= flags & 2 != 0 ? 2 : 1
        let before = (depayloader.droppedNALUnits, depayloader.malformedPayloads)
        let nals = depayloader.depayload(payload, marker: flags & 1 != 0, sequenceNumber: sequence)
        invariant(depayloader.droppedNALUnits >= before.0 && depayloader.malformedPayloads >= before.1, "a counter went back")
        for nal in nals {
            invariant(nal.count >= 2 && nal.count <= H265Depayloader.maxNALSize, "NAL unit of \(nal.count) octets")
        }
        yielded += nals
    }
    // Types 48-63 are payload structures, and the packetizer drops delimiters and filler
    // data: only the NAL units it sends are compared.
    let sendable = yielded.filter { nal in
        let type = H265NALHeader(nal[0], nal[1]).type
        return type < H265NALType.aggregationPacket && !H265Payloader.isDropped(type)
    }
    guard !sendable.isEmpty else { return 0 }
    var packetizer = H265Packetizer(ssrc: 1, initialSequenceNumber: 0, maxPacketSize: 64)
    let batch = packetizer.packetize(nalUnits: sendable, timestamp: 0)
    var again = H265Depayloader()
    var received: [[UInt8]] = []
    for index in 0..<batch.packetCount {
        let packet = Array(batch.packet(at: index).readableBytesView)
        received += again.depayload(packet[12...], marker: index == batch.packetCount - 1, sequenceNumber: UInt16(index))
    }
    invariant(received == sendable, "re-packetized NAL units differ")
    return 0
}
