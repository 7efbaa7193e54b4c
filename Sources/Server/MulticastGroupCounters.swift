import Synchronization

/// What one multicast group did, readable from any thread (tests, logs, metrics).
public final class MulticastGroupCounters: Sendable {
    /// RTP datagrams sent to the group: one per packet the group sends, however many
    /// sessions watch.
    public let packetsSent = Atomic<Int>(0)
    /// Octets of those RTP datagrams (RTP header and payload).
    public let bytesSent = Atomic<Int>(0)
    /// RTCP datagrams (sender reports, BYE) sent to the group's RTCP port.
    public let reportsSent = Atomic<Int>(0)
    /// Receiver reports that arrived on the group's RTCP port from its viewers.
    public let receiverReports = Atomic<Int>(0)
    /// Sessions playing the group now.
    public let members = Atomic<Int>(0)
    /// Times the group began sending (its first member played after none did).
    public let starts = Atomic<Int>(0)

    public init() {}

    public struct Snapshot: Sendable, Equatable {
        public var packetsSent: Int
        public var bytesSent: Int
        public var reportsSent: Int
        public var receiverReports: Int
        public var members: Int
        public var starts: Int
    }

    public var snapshot: Snapshot {
        Snapshot(
            packetsSent: packetsSent.load(ordering: .relaxed),
            bytesSent: bytesSent.load(ordering: .relaxed),
            reportsSent: reportsSent.load(ordering: .relaxed),
            receiverReports: receiverReports.load(ordering: .relaxed),
            members: members.load(ordering: .relaxed),
            starts: starts.load(ordering: .relaxed)
        )
    }
}
