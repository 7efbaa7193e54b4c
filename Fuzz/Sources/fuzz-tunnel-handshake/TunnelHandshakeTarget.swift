import FuzzSupport
import RTSP

/// The first bytes of an RTSP-over-HTTP tunnel connection: a handshake is decided by its
/// header block alone, a shorter prefix asks for more (or, cut between the CR and LF of the
/// last line end, is already the same handshake, as CR alone ends a line), and the cookie
/// is bounded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTunnelHandshake(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let outcome = HTTPTunnelHandshake.parse(bytes)
    switch outcome {
    case .handshake(let handshake, let consumed):
        invariant(consumed > 0 && consumed <= bytes.count, "consumed \(consumed) of \(bytes.count)")
        invariant(consumed <= HTTPTunnelHandshake.maximumHeaderBlockLength, "consumed \(consumed)")
        invariant(!handshake.sessionCookie.isEmpty && handshake.sessionCookie.count <= 128, "cookie")
        invariant(HTTPTunnelHandshake.parse(bytes[..<consumed]) == outcome, "the bytes after the header block matter")
        for cut in Set([0, consumed / 2, consumed - 1]) where cut < consumed {
            let prefix = HTTPTunnelHandshake.parse(bytes[..<cut])
            let endsInCR = cut == consumed - 1 && bytes[cut] == UInt8(ascii: "\n") && cut > 0
                && bytes[cut - 1] == UInt8(ascii: "\r")
            invariant(prefix == .needMore || (endsInCR && prefix == .handshake(handshake, consumed: cut)),
                      "prefix of \(cut) bytes gives \(prefix)")
        }
    case .needMore:
        invariant(bytes.count <= HTTPTunnelHandshake.maximumHeaderBlockLength, "waits past the limit")
    case .notATunnel, .invalid:
        break
    }
    return 0
}
