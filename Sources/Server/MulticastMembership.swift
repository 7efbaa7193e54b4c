/// Who plays a multicast group, and when the group's one send starts and stops: with
/// the first session to play and after the last one leaves (PAUSE, TEARDOWN, expiry,
/// connection closed). Sans-IO.
struct MulticastMembership<ID: Hashable & Sendable>: Sendable {
    enum Change: Equatable, Sendable {
        /// The first member: the group starts sending.
        case startSending
        /// The last member left: the group stops.
        case stopSending
        case none
    }

    private(set) var playing: Set<ID> = []

    var count: Int { playing.count }

    mutating func play(_ id: ID) -> Change {
        guard playing.insert(id).inserted else { return .none }
        return playing.count == 1 ? .startSending : .none
    }

    mutating func leave(_ id: ID) -> Change {
        guard playing.remove(id) != nil else { return .none }
        return playing.isEmpty ? .stopSending : .none
    }

    /// Everyone leaves at once (the camera went away); returns who was playing.
    mutating func removeAll() -> Set<ID> {
        defer { playing.removeAll() }
        return playing
    }
}
