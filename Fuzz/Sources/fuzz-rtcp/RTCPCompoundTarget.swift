import FuzzSupport
import RTP

/// RTCP compound packets (RFC 3550 §6.1, §6.4, §6.5, §6.6): whatever parses serializes to
/// bytes that parse back to the same packets and serialize the same again.
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
    invariant(reparsed == packets, "round trip changed the packets")
    invariant(RTCPCompound.serialize(reparsed) == serialized, "serialization is not stable")
    return 0
}
