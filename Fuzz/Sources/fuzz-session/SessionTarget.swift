import FuzzSupport
import RTSP

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? SessionHeader.parse(text) else { return 0 }
    invariant(SessionHeader.isValidID(header.id), "parsed an invalid id \(header.id)")
    invariant((try? SessionHeader.parse(header.serialized)) == header, "round trip of \(header.serialized)")
    return 0
}
