import FuzzSupport
import H264Syntax

/// H.264 sequence parameter sets (ITU-T H.264 §7.3.2.1.1, Annex E.1.1): whatever parses
/// has sizes within the limits the parser names and a frame rate that is positive when
/// present, and parsing is deterministic.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzH264SequenceParameterSet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let sps = try? H264SequenceParameterSet.parse(bytes) else { return 0 }
    invariant(sps.widthInMacroblocks <= H264SequenceParameterSet.maxWidthInMacroblocks, "width over the limit")
    invariant(sps.heightInMapUnits <= H264SequenceParameterSet.maxHeightInMapUnits, "height over the limit")
    invariant(sps.width >= 0 && sps.height >= 0, "negative size")
    invariant(sps.framesPerSecond.map { $0 > 0 } ?? true, "frame rate not positive")
    invariant((try? H264SequenceParameterSet.parse(bytes)) == sps, "parsing is not deterministic")
    return 0
}
