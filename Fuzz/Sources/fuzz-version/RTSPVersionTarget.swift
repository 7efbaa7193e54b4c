import FuzzSupport
import RTSP

/// The protocol version of a request line (RFC 2326 §3.1): whatever parses serializes to
/// text that parses back the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTSPVersion(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let version = RTSPVersion(parsing: text) else { return 0 }
    invariant(RTSPVersion(parsing: version.serialized) == version, "round trip of \(version)")
    _ = RTSPMethod(text).name
    return 0
}
