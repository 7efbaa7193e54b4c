import Testing
@testable import Cameras

@Suite struct ViewerRosterTests {
    @Test func viewersWaitingForAnIDRStartOnlyOnOne() {
        var roster = ViewerRoster<Int>()
        let joined = [roster.join(1, waitsForIDR: true), roster.join(2, waitsForIDR: false)]
        #expect(joined == [true, true])
        let onOrdinaryUnit = roster.start(accessUnitIsIDR: false)
        #expect(onOrdinaryUnit == [2])
        #expect(roster.active == [2] && roster.waiting == [1: true])
        let onIDR = roster.start(accessUnitIsIDR: true)
        #expect(onIDR == [1])
        #expect(roster.active == [1, 2] && roster.waiting.isEmpty)
    }

    @Test func aViewerIsInOnePlaceOnly() {
        var roster = ViewerRoster<Int>()
        let first = roster.join(1, waitsForIDR: true)
        let againWhileWaiting = roster.join(1, waitsForIDR: false)
        _ = roster.start(accessUnitIsIDR: true)
        let againWhilePlaying = roster.join(1, waitsForIDR: true)
        #expect(first && !againWhileWaiting && !againWhilePlaying)
        #expect(roster.active == [1] && roster.waiting.isEmpty)
        roster.leave(1)
        #expect(roster.isEmpty && !roster.contains(1))
    }

    @Test func removingEveryoneReturnsPlayingAndWaitingViewers() {
        var roster = ViewerRoster<Int>()
        _ = roster.join(1, waitsForIDR: false)
        _ = roster.start(accessUnitIsIDR: false)
        _ = roster.join(2, waitsForIDR: true)
        let removed = roster.removeAll()
        #expect(removed == [1, 2])
        #expect(roster.isEmpty)
    }
}
