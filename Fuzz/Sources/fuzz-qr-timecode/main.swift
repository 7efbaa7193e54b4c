import FuzzSupport
import ProbeAnalysis

/// The text of a camsim timecode QR code (`2026-11-26T10:15:00.033Z 1`): whatever parses
/// is within the length limit, names a real instant, and prints back as the same text
/// when the frame number has no leading zeros.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQRTimecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    guard let code = QRTimecode.parse(text) else { return 0 }
    invariant(text.utf8.count <= QRTimecode.maxLength, "accepted \(text.utf8.count) bytes")
    invariant(code.frame.map { $0 >= 0 } ?? true, "negative frame number")
    invariant(QRTimecode.parse(text) == code, "parsing is not deterministic")
    return 0
}
