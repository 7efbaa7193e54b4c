/// When this session's recent sender reports left, by the middle 32 bits of their NTP
/// timestamp: a receiver report echoes those bits as LSR (RFC 3550 §6.4.1), and its
/// round-trip time is measured from the SR's departure. Keeps the last
/// `capacity` reports, so a receiver answering an older SR is still matched.
struct SenderReportLog: Sendable {
    /// Reports remembered; at one every 5 s, over a minute's worth.
    static let capacity = 16
    private var entries: [(middle32: UInt32, sentAt: Int64)] = []
    private var next = 0

    init() { entries.reserveCapacity(Self.capacity) }

    mutating func note(middle32: UInt32, sentAt: Int64) {
        if entries.count < Self.capacity {
            entries.append((middle32, sentAt))
        } else {
            entries[next] = (middle32, sentAt)
        }
        next = (next + 1) % Self.capacity
    }

    /// When the SR whose NTP middle bits are `middle32` left, if it is still remembered.
    func sentAt(middle32: UInt32) -> Int64? {
        entries.last { $0.middle32 == middle32 }?.sentAt
    }
}
