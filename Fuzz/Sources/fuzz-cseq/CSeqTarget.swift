import FuzzSupport
import RTSP

/// The CSeq header (RFC 2326 §12.17): a value that parses is a bounded non-negative number
/// that reads back the same, and a header list with it twice agrees with itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSeq(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    // One header per line, as several CSeq headers in one message.
    let values = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var headers = RTSPHeaders()
    for value in values { headers.add(CSeq.headerName, value) }
    let read = try? CSeq.read(from: headers)
    if let number = try? CSeq.parse(text) {
        invariant(number >= 0 && String(number).count <= CSeq.maximumDigits, "out of range: \(number)")
        invariant((try? CSeq.parse(String(number))) == number, "round trip of \(number)")
        invariant(values.count == 1 && read == number, "read(from:) disagrees with parse")
    }
    if let read {
        invariant(values.allSatisfy { (try? CSeq.parse($0)) == read }, "read \(read) from differing values")
        invariant(headers.cSeq == read, "cSeq property disagrees with read(from:)")
    }
    return 0
}
