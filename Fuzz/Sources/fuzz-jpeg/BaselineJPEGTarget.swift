import FuzzSupport
import JPEGSyntax

/// Baseline JPEGs (ITU-T T.81 Annex B) through the marker walker: a JPEG that parses has a
/// scan inside it, ending at an EOI, and the headers made from its parameters parse back
/// to the same parameters.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBaselineJPEG(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let parsed = try? BaselineJPEG.parse(bytes) else { return 0 }
    invariant(parsed.scan.lowerBound >= 2 && parsed.scan.upperBound + 2 <= bytes.count, "scan \(parsed.scan) of \(bytes.count)")
    invariant(bytes[parsed.scan.upperBound] == 0xFF && bytes[parsed.scan.upperBound + 1] == 0xD9, "the scan does not end at EOI")
    let rebuilt = parsed.parameters.headers() + bytes[parsed.scan] + [0xFF, 0xD9]
    let again = try? BaselineJPEG.parse(rebuilt)
    invariant(again?.parameters == parsed.parameters, "rebuilt headers parse to other parameters")
    return 0
}
