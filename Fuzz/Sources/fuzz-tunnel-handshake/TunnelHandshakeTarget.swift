import FuzzSupport
import RTSP

/// The first bytes of an RTSP-over-HTTP tunnel connection: a handshake is decided by its
/// header block alone, every shorter prefix of it asks for more, and the cookie is bounded.
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
            invariant(HTTPTunnelHandshake.parse(bytes[..<cut]) == .needMore, "prefix of \(cut) bytes is not .needMore")
        }
    case .needMore:
        invariant(bytes.count <= HTTPTunnelHandshake.maximumHeaderBlockLength, "waits past the limit")
    case .notATunnel, .invalid:
        break
    }
    return 0
}
