import FuzzSupport
import RTSP

/// The Transport header (RFC 2326 §12.39): whatever parses serializes to its canonical form,
/// which parses back to the same header; parsing the alternatives one by one agrees. The
/// multicast fields of each alternative read the same from the canonical form, and a
/// multicast answer written out reads back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransportHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let alternatives = try? TransportHeader.parseAlternatives(text)
    guard let header = try? TransportHeader.parse(text) else {
        if let alternatives {
            invariant(alternatives.contains { if case .failure = $0 { true } else { false } },
                      "parse failed although every alternative parsed")
        }
        return 0
    }
    invariant(alternatives?.compactMap { try? $0.get() } == header.specs, "parseAlternatives disagrees with parse")
    invariant(!header.specs.isEmpty && header.specs.count <= TransportHeader.maximumAlternatives, "alternative count")
    let canonical = header.serialized
    // The canonical form can outgrow the length limit (`ssrc=1` becomes `ssrc=00000001`).
    if canonical.utf8.count <= TransportHeader.maximumLength {
        invariant((try? TransportHeader.parse(canonical)) == header, "round trip of \(canonical)")
    }
    for spec in header.specs {
        let offer = Result { () throws(MulticastTransportError) -> MulticastOffer in try MulticastOffer(spec) }
        let reread = (try? TransportSpec.parse(spec.serialized)).map { again in
            Result { () throws(MulticastTransportError) -> MulticastOffer in try MulticastOffer(again) }
        }
        invariant(reread == offer, "multicast fields of \(spec.serialized)")
        if let group = try? offer.get().group {
            invariant(IPv4Address(parsing: group.description) == group, "group \(group)")
        }
        if let answer = try? MulticastTransport(spec) {
            invariant(MulticastTransport(parsing: answer.serialized) == answer, "answer \(answer.serialized)")
        }
    }
    return 0
}
