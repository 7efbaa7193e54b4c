import FuzzSupport
import RTSP

/// The Transport header (RFC 2326 §12.39): whatever parses serializes to its canonical form,
/// which parses back to the same header; parsing the alternatives one by one agrees.
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
    return 0
}
