import FuzzSupport
import H265Syntax

/// H.265 sequence parameter sets (ITU-T H.265 §7.3.2.2.1) as the probe reads them: whatever
/// parses has a positive size within the coded size and the named limit, and parsing is
/// deterministic.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzH265SequenceParameterSet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let sps = H265SequenceParameterSet(bytes) else { return 0 }
    invariant(sps.codedWidth <= H265SequenceParameterSet.maxDimension, "width over the limit")
    invariant(sps.codedHeight <= H265SequenceParameterSet.maxDimension, "height over the limit")
    invariant(sps.width > 0 && sps.height > 0, "size not positive")
    invariant(sps.width <= sps.codedWidth && sps.height <= sps.codedHeight, "shown size beyond the coded size")
    invariant(H265SequenceParameterSet(bytes) == sps, "parsing is not deterministic")
    return 0
}
