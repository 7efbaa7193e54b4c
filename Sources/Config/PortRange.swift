import Foundation

/// The `rtp_ports:` range, written `FIRST-LAST` (e.g. `20000-20999`).
///
/// RTP uses an even port and RTCP the odd port after it, so the range must
/// start on an even port, and it must hold at least one such pair.
enum PortRange {
    enum Problem: Error, Equatable {
        case malformed
        case outOfRange
        case oddStart(Int)
        case inverted(Int, Int)

        var message: String {
            switch self {
            case .malformed:
                return "expected a port range such as 20000-20999"
            case .outOfRange:
                return "RTP ports must be between 1 and 65535"
            case .oddStart(let first):
                return "RTP port range must start on an even port (RTP even, RTCP odd), got \(first)"
            case .inverted(let first, let last):
                return "RTP port range \(first)-\(last) is inverted or too small; the last port must be above the first"
            }
        }
    }

    static func parse(_ text: String) throws(Problem) -> ClosedRange<Int> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let first = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let last = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else { throw .malformed }
        return try validated(first, last)
    }

    static func validated(_ first: Int, _ last: Int) throws(Problem) -> ClosedRange<Int> {
        guard (1...65535).contains(first), (1...65535).contains(last) else { throw .outOfRange }
        guard first % 2 == 0 else { throw .oddStart(first) }
        guard last > first else { throw .inverted(first, last) }
        return first...last
    }
}
