import Testing
@testable import Cameras

/// The balancer's two decisions: where a new lane goes, and when one moves.
@Suite
struct EncodeBalancerTests {
    @Test
    func newLanesAlternateWhileNothingIsMeasured() {
        var balancer = EncodeBalancer(workers: 2)
        let workers = (0..<26).map { _ in balancer.open().worker }
        #expect(workers == (0..<26).map { $0 % 2 })
        #expect(balancer.laneCounts == [13, 13])
    }

    @Test
    func aNewLaneGoesToTheLeastLoadedWorker() {
        var balancer = EncodeBalancer(workers: 2)
        let heavy = balancer.open()  // worker 0
        let light = balancer.open()  // worker 1
        let lighter = balancer.open()  // worker 0: a tie on load and on lanes, the lowest index
        #expect(heavy.worker == 0 && light.worker == 1 && lighter.worker == 0)
        // Worker 0 is busy 70 %, worker 1 10 %: the next two go to worker 1.
        _ = balancer.windowEnded(busy: [heavy.lane: 0.6, light.lane: 0.1, lighter.lane: 0.1])
        #expect(balancer.open().worker == 1)
        // The new lane counts as the mean measured load (0.267): worker 1 now 0.367 < 0.7.
        #expect(balancer.open().worker == 1)
        #expect(balancer.laneCounts == [2, 3])
    }

    @Test
    func aReleasedLaneNoLongerCounts() {
        var balancer = EncodeBalancer(workers: 2)
        let a = balancer.open(), b = balancer.open(), c = balancer.open()
        _ = balancer.windowEnded(busy: [a.lane: 0.3, b.lane: 0.3, c.lane: 0.3])
        balancer.release(a.lane)
        balancer.release(c.lane)
        #expect(balancer.worker(of: a.lane) == nil)
        #expect(balancer.laneCounts == [0, 1])
        #expect(balancer.open().worker == 0)
    }

    @Test
    func noMoveWhileEveryWorkerIsBusy() {
        var balancer = EncodeBalancer(workers: 2)
        let lanes = (0..<26).map { _ in balancer.open().lane }
        // Both workers at 13 x 0.07 = 0.91: overloaded, but neither has room.
        let move = balancer.windowEnded(busy: Dictionary(uniqueKeysWithValues: lanes.map { ($0, 0.07) }))
        #expect(move == nil)
    }

    @Test
    func noMoveBelowTheOverloadLine() {
        var balancer = EncodeBalancer(workers: 2)
        let a = balancer.open(), b = balancer.open()
        #expect(balancer.windowEnded(busy: [a.lane: 0.8, b.lane: 0.0]) == nil)
    }

    @Test
    func anOverloadedWorkerGivesTheLaneNearestHalfTheGap() {
        var balancer = EncodeBalancer(workers: 2)
        let a = balancer.open(), b = balancer.open(), c = balancer.open(), d = balancer.open(), e = balancer.open()
        // Worker 0: a, c, e = 0.5 + 0.3 + 0.15 = 0.95. Worker 1: b, d = 0.05 + 0.05 = 0.1.
        // Gap 0.85, half 0.425: a (0.5) is nearer than c (0.3) or e (0.15); afterwards
        // the workers hold 0.45 and 0.6.
        let move = balancer.windowEnded(busy: [a.lane: 0.5, b.lane: 0.05, c.lane: 0.3, d.lane: 0.05, e.lane: 0.15])
        #expect(move == EncodeBalancer.Move(lane: a.lane, from: 0, to: 1))
        #expect(balancer.worker(of: a.lane) == 1)
        #expect(balancer.laneCounts == [2, 3])
    }

    @Test
    func aLaneLargerThanTheGapStays() {
        var balancer = EncodeBalancer(workers: 2)
        let a = balancer.open(), b = balancer.open()
        // One stream fills worker 0: moving it would only overload worker 1 instead.
        #expect(balancer.windowEnded(busy: [a.lane: 0.95, b.lane: 0.5]) == nil)
        #expect(balancer.worker(of: a.lane) == 0)
    }

    @Test
    func aMovedLaneSettlesBeforeMovingAgain() {
        var balancer = EncodeBalancer(workers: 2, rule: .init(settleWindows: 2))
        let a = balancer.open(), b = balancer.open(), c = balancer.open()
        // Worker 0: a 0.6 + c 0.3 = 0.9; worker 1: b 0.05. Half the gap is 0.425: c moves.
        #expect(balancer.windowEnded(busy: [a.lane: 0.6, b.lane: 0.05, c.lane: 0.3]) == .init(lane: c.lane, from: 0, to: 1))
        // Now worker 1 is overloaded with room on worker 0, but c is settling and b did
        // nothing: no move for two windows.
        #expect(balancer.windowEnded(busy: [a.lane: 0.05, b.lane: 0, c.lane: 0.95]) == nil)
        #expect(balancer.windowEnded(busy: [a.lane: 0.05, b.lane: 0, c.lane: 0.9]) == nil)
        // Settled; worker 1 holds b 0.5 + c 0.45, half the gap 0.45: c moves back.
        let move = balancer.windowEnded(busy: [a.lane: 0.05, b.lane: 0.5, c.lane: 0.45])
        #expect(move == EncodeBalancer.Move(lane: c.lane, from: 1, to: 0))
    }

    @Test
    func oneMovePerWindow() {
        var balancer = EncodeBalancer(workers: 2)
        let lanes = (0..<8).map { _ in balancer.open() }
        var busy: [Int: Double] = [:]
        for lane in lanes { busy[lane.lane] = lane.worker == 0 ? 0.24 : 0.0 }  // worker 0: 0.96, worker 1: 0
        #expect(balancer.windowEnded(busy: busy) != nil)
        #expect(balancer.laneCounts == [3, 5])
        // The next window, measured after the move, moves one more toward even.
        for lane in lanes { busy[lane.lane] = balancer.worker(of: lane.lane) == 0 ? 0.3 : 0.0 }
        #expect(balancer.windowEnded(busy: busy) != nil)
        #expect(balancer.laneCounts == [2, 6])
    }

    @Test
    func oneWorkerNeverMoves() {
        var balancer = EncodeBalancer(workers: 1)
        let a = balancer.open(), b = balancer.open()
        #expect(a.worker == 0 && b.worker == 0)
        #expect(balancer.windowEnded(busy: [a.lane: 1.0, b.lane: 0.0]) == nil)
    }
}
