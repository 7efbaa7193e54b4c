import FuzzSupport
import RTSP

/// The Speed header (RFC 2326 §12.35, RFC 7826 §18.50): whatever parses has positive,
/// ordered bounds and serializes to a form that parses back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpeedHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? SpeedHeader.parse(text) else { return 0 }
    invariant(header.lowerBound > 0 && header.lowerBound <= header.upperBound, "bounds \(header)")
    invariant((try? SpeedHeader.parse(header.serialized)) == header, "round trip of \(header.serialized)")
    return 0
}
