import Foundation
import FuzzSupport
import RTSP

/// The tunnel's base64 stream (RFC 4648 §4): the bytes decoded do not depend on how the stream
/// was cut, and canonical base64 (whole groups, `=` only at the very end) decodes as
/// Foundation decodes it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBase64Stream(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    var whole = Base64StreamDecoder()
    let wholeOutput = whole.decode(bytes)
    invariant(wholeOutput.count <= bytes.count * 3 / 4 + 3, "\(wholeOutput.count) bytes out of \(bytes.count)")

    var pieces = Base64StreamDecoder()
    var piecesOutput: [UInt8] = []
    for chunk in FuzzInput.chunks(bytes) { piecesOutput += pieces.decode(chunk) }
    invariant(piecesOutput == wholeOutput, "output depends on the cuts")
    invariant(pieces.isInvalid == whole.isInvalid, "validity depends on the cuts")

    // A trailing partial group waits for more bytes, so only whole groups can agree; and
    // Foundation reads `=` inside a group (`oo=o`) as data, which this decoder does not.
    let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
    let isCanonical = bytes.count % 4 == 0 && padding <= 2
        && !bytes.dropLast(padding).contains(UInt8(ascii: "="))
    if isCanonical, let reference = Data(base64Encoded: Data(bytes)) {
        invariant(!whole.isInvalid && wholeOutput == Array(reference), "disagrees with Foundation")
    }
    return 0
}
