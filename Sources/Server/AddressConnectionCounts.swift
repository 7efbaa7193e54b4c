import NIOConcurrencyHelpers
import NIOCore

/// Open connections per client IP address against a cap: the decision whether one
/// more connection from an address is let in. Sans-IO; `ConnectionAdmission` holds it
/// under a lock for all event loops.
struct AddressConnectionCounts: Sendable, Equatable {
    /// Connections allowed from one address; 0 allows any number.
    let maximumPerAddress: Int
    private(set) var counts: [String: Int] = [:]

    init(maximumPerAddress: Int) {
        self.maximumPerAddress = maximumPerAddress
    }

    /// Counts a new connection from `address` and returns true, or returns false (and
    /// counts nothing) when the address is at its cap.
    mutating func open(_ address: String) -> Bool {
        let current = counts[address, default: 0]
        if maximumPerAddress > 0, current >= maximumPerAddress { return false }
        counts[address] = current + 1
        return true
    }

    /// A connection counted by `open` closed.
    mutating func close(_ address: String) {
        guard let current = counts[address] else { return }
        counts[address] = current > 1 ? current - 1 : nil
    }
}

/// Admits accepted connections under the per-address cap, shared by every event loop.
/// A refused connection is closed before it gets a handler: it costs one accept and one
/// close, and no answer (the server cannot know it speaks RTSP yet).
final class ConnectionAdmission: Sendable {
    private let counts: NIOLockedValueBox<AddressConnectionCounts>
    let maximumPerAddress: Int

    init(maximumPerAddress: Int) {
        self.maximumPerAddress = maximumPerAddress
        counts = NIOLockedValueBox(AddressConnectionCounts(maximumPerAddress: maximumPerAddress))
    }

    /// Counts `channel` against its address until it closes; false when the address is
    /// at its cap (the caller closes the channel).
    func admit(_ channel: any Channel) -> Bool {
        let address = Self.key(channel.remoteAddress)
        guard counts.withLockedValue({ $0.open(address) }) else { return false }
        channel.closeFuture.whenComplete { _ in
            self.counts.withLockedValue { $0.close(address) }
        }
        return true
    }

    /// The IP address without the port; connections without one share a key.
    static func key(_ address: SocketAddress?) -> String {
        address?.ipAddress ?? "unknown"
    }
}

/// Why an accepted connection was closed at once.
struct ConnectionRefused: Error, CustomStringConvertible {
    let address: String
    let limit: Int
    var description: String { "\(address) already has \(limit) connections open" }
}
