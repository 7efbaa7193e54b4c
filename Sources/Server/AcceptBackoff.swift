import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long the listener stops accepting after `accept` fails. Out of file
/// descriptors (EMFILE, ENFILE) or kernel memory (ENOBUFS, ENOMEM), the pending
/// connection stays in the backlog and the listener stays readable, so accepting
/// again at once spins an event loop at full CPU; it pauses instead, and resumes when
/// descriptors may have been freed. A connection that failed on its own
/// (ECONNABORTED, say) needs no pause.
enum AcceptBackoff {
    static let pause = TimeAmount.milliseconds(250)

    static func delay(afterErrno code: CInt) -> TimeAmount? {
        switch code {
        case EMFILE, ENFILE, ENOBUFS, ENOMEM: pause
        default: nil
        }
    }

    static func delay(after error: IOError) -> TimeAmount? {
        delay(afterErrno: error.errnoCode)
    }

    /// EMFILE or ENFILE: a spare descriptor given up lets the next `accept` through.
    static func isOutOfDescriptors(_ code: CInt) -> Bool {
        code == EMFILE || code == ENFILE
    }
}
