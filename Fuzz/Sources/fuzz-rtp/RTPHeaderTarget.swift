import FuzzSupport
import RTP

/// RTP packets (RFC 3550 §5.1, §5.3.1): the payload lies inside the packet, and writing the
/// parsed header back gives exactly the bytes it was read from.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTPHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let (header, payload) = try? RTPHeader.parse(bytes) else { return 0 }
    invariant(payload.lowerBound == header.encodedSize, "payload starts at \(payload.lowerBound), header is \(header.encodedSize)")
    invariant(payload.lowerBound <= payload.upperBound && payload.upperBound <= bytes.count, "payload \(payload)")
    invariant(header.padding == (payload.upperBound < bytes.count), "padding flag and payload end disagree")
    var written: [UInt8] = []
    header.write(into: &written)
    invariant(written[...] == bytes[..<payload.lowerBound], "written header differs from the bytes read")
    // The same packet inside a larger buffer parses the same way.
    let slice = ([0xEE] + bytes)[1...]
    invariant((try? RTPHeader.parse(slice))?.header == header, "parsing a slice differs")
    return 0
}
