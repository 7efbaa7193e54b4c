import FuzzSupport
import RTSP

/// Request URIs (RFC 2326 §3.2): whatever parses serializes to text that parses back to the
/// same URL, and resolving it against a camera path never fails.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTSPURL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let url = try? RTSPURL.parse(text) else { return 0 }
    invariant(url.pathSegments.count <= RTSPURL.maximumSegments, "\(url.pathSegments.count) segments")
    invariant(url.port.map { (0...Int(UInt16.max)).contains($0) } ?? true, "port \(url.port!)")
    let canonical = url.serialized
    if canonical.utf8.count <= RTSPURL.maximumLength {
        invariant((try? RTSPURL.parse(canonical)) == url, "round trip of \(canonical)")
    }
    if case .track(let number) = url.resolvingControl(cameraPath: Array(url.pathSegments.prefix(1))) {
        invariant(number >= 0, "track \(number)")
    }
    return 0
}
