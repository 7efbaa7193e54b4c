import FuzzSupport
import RTP

/// The ONVIF replay RTP header extension (0xABAC): any 12 octets read as one, and writing
/// it back gives the same octets with the must-be-zero bits and the padding cleared.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplayExtension(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let parsed = ONVIFReplayExtension(RTPHeaderExtension(profile: ONVIFReplayExtension.profile, data: bytes))
    invariant((parsed != nil) == (bytes.count == ONVIFReplayExtension.dataSize), "\(bytes.count) octets")
    guard let parsed else { return 0 }
    var expected = bytes
    expected[8] &= 0xF0
    expected[10] = 0
    expected[11] = 0
    invariant(parsed.headerExtension.data == expected, "written back as \(parsed.headerExtension.data)")
    invariant(ONVIFReplayExtension(parsed.headerExtension) == parsed, "round trip")
    return 0
}
