import Testing
@testable import Server

/// When a multicast group's one send starts and stops.
@Suite struct MulticastMembershipTests {
    @Test func firstStartsAndLastStops() {
        var members = MulticastMembership<Int>()
        #expect(members.play(1) == .startSending)
        #expect(members.play(2) == .none)
        #expect(members.play(2) == .none, "playing twice is one member")
        #expect(members.count == 2)
        #expect(members.leave(1) == .none)
        #expect(members.leave(1) == .none, "leaving twice changes nothing")
        #expect(members.leave(3) == .none, "a stranger leaving changes nothing")
        #expect(members.leave(2) == .stopSending)
        #expect(members.count == 0)
        #expect(members.play(3) == .startSending, "the group starts again after stopping")
    }

    @Test func everyoneLeavesAtOnce() {
        var members = MulticastMembership<Int>()
        _ = members.play(1)
        _ = members.play(2)
        #expect(members.removeAll() == [1, 2])
        #expect(members.count == 0)
        #expect(members.leave(1) == .none)
        #expect(members.play(1) == .startSending)
    }
}
