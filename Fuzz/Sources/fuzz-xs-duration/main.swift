import FuzzSupport
import ONVIF

/// `xs:duration` (ONVIF timeouts such as `PT10S`): whatever parses is within the bound,
/// and its whole seconds, formatted, parse back to the same seconds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXSDuration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let nanoseconds = XSDuration.parse(text) else { return 0 }
    invariant(nanoseconds >= 0 && nanoseconds <= XSDuration.maxNanoseconds, "\(text) is \(nanoseconds) ns")
    let whole = nanoseconds / 1_000_000_000 * 1_000_000_000
    invariant(XSDuration.parse(XSDuration.format(nanoseconds)) == whole, "round trip of \(text)")
    return 0
}
