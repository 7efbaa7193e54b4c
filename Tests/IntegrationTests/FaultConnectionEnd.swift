import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How a raw connection ended, for the faults that drop connections: what the server
/// sent before, whether it was a reset or a clean close, and when.
struct FaultConnectionEnd: CustomStringConvertible {
    enum Kind: Equatable {
        case reset
        case closed
        case failed(Int32)
        case stillOpen
    }

    var kind: Kind
    var bytesBefore: [UInt8]
    var seconds: Double

    var description: String {
        let text = String(decoding: bytesBefore.prefix(300), as: UTF8.self)
        return "\(kind) after \(String(format: "%.2f", seconds)) s, \(bytesBefore.count) bytes before: \(text.debugDescription)"
    }

    /// Reads `socket` until the server ends the connection or `timeoutSeconds` pass;
    /// `seconds` is measured from `since`.
    static func observe(_ socket: ViewerSocket, timeoutSeconds: Double, since: Date = Date()) -> FaultConnectionEnd {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var bytes: [UInt8] = []
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return FaultConnectionEnd(kind: .stillOpen, bytesBefore: bytes, seconds: Date().timeIntervalSince(since)) }
            switch socket.read(timeoutSeconds: remaining) {
            case .bytes(let chunk): bytes += chunk
            case .timedOut: continue
            case .endOfStream:
                return FaultConnectionEnd(kind: .closed, bytesBefore: bytes, seconds: Date().timeIntervalSince(since))
            case .failed(let error):
                return FaultConnectionEnd(
                    kind: error == ECONNRESET ? .reset : .failed(error), bytesBefore: bytes,
                    seconds: Date().timeIntervalSince(since))
            }
        }
    }
}
