import Faults
import FuzzSupport
import RTSP

/// Fault parameters in a URL query (`rtsp://host/cam?loss=5&jitter=30ms`): read as the server
/// reads them, through the URL parser; the same query always gives the same answer, and a
/// refusal always names a reason.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFaultQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let url = try? RTSPURL.parse("rtsp://camsim/cam?" + text) else { return 0 }
    let first = Result { () throws(FaultProfileError) -> FaultQuery in try FaultProfile.parse(query: url.queryItems) }
    let second = Result { () throws(FaultProfileError) -> FaultQuery in try FaultProfile.parse(query: url.queryItems) }
    invariant(first == second, "two reads of one query differ")
    if case .failure(let error) = first {
        invariant(!error.problems.isEmpty, "a refusal without a problem")
    }
    return 0
}
