import FuzzSupport
import RTP

/// RFC 3640 AU Header Sections (AAC-hbr) and the depayloader behind them: a section that
/// parses lies inside the payload and writes back to exactly the octets it was read from; the
/// depayloader returns units no bigger than the payloads that carried them, or an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAUHeaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let (section, length) = try? MPEG4GenericAUHeaderSection.parse(bytes) {
        invariant(length <= bytes.count, "section of \(length) octets in \(bytes.count)")
        invariant(section.bytes() == Array(bytes[..<length]), "written section differs from the octets read")
    }
    // The same octets as two payloads of one unit, the first without the marker.
    var depayloader = MPEG4GenericDepayloader()
    let cut = bytes.count / 2
    var total = 0
    for (piece, marker) in [(bytes[..<cut], false), (bytes[cut...], true)] {
        if let units = try? depayloader.push(payload: piece, timestamp: 0, marker: marker) {
            total += units.reduce(0) { $0 + $1.bytes.count }
        }
    }
    invariant(total <= bytes.count, "\(total) octets of units from \(bytes.count) octets of payload")
    return 0
}
