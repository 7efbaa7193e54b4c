import H264
import Testing
@testable import Cameras

/// The stream's decisions, driven event by event with a fake clock: 10 fps, so a slot
/// every 100 ms, and a 2 s idle delay.
@Suite struct StreamStateMachineTests {
    typealias Machine = StreamStateMachine<Int>
    typealias Action = Machine.Action

    static let period: Int64 = 100_000_000
    static let idleDelay: Int64 = 2_000_000_000
    static let size = PictureSize(width: 640, height: 480)

    let clock = FakeClock()
    let origin: Int64

    init() { origin = clock.now }

    static func machine(alwaysOn: Bool = false, faults: PictureFaults = .none) -> Machine {
        Machine(
            configuration: .init(
                frameRate: FrameRate(numerator: 10), size: size, alwaysOn: alwaysOn,
                idleStopDelayNanoseconds: idleDelay),
            pictureFaults: faults)
    }

    var now: ClockReading { clock.reading() }

    /// The actions of one event. (`#expect` cannot hold the mutating call itself.)
    func expect(_ actions: [Action], _ expected: [Action], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actions == expected, sourceLocation: sourceLocation)
    }

    /// The encode of `frame` as the machine asks for it, from a clock started at `origin`.
    func encode(_ frame: Int64, forceIDR: Bool = false, redraw: Bool = true, epoch: UInt64 = 0) -> Action {
        .encode(.init(
            frame: frame, forceIDR: forceIDR, redraw: redraw, mediaNanos: frame * Self.period,
            wallClockNanos: origin + clock.wallOffset + frame * Self.period, epoch: epoch))
    }

    func tick(at frame: Int64) -> Action { .scheduleTick(at: origin + frame * Self.period) }

    /// A machine with viewer 1 playing: frame 0 (an IDR) encoded and delivered.
    func playing(_ machine: inout Machine) {
        expect(machine.join(1, keyframeOnJoin: true, at: now), [.openSource(Self.size)])
        expect(machine.sourceOpened(size: Self.size, at: now), [encode(0, forceIDR: true), tick(at: 1)])
        expect(machine.encodeFinished(.accessUnit(isIDR: true), at: now), [.fanOut(starting: [1])])
        #expect(machine.roster.active == [1])
    }

    // MARK: - Ticks

    @Test func ticksOnExactSlotsWhenTheTimerFiresLate() {
        var machine = Self.machine()
        playing(&machine)
        for frame in Int64(1)...5 {
            // Each timer fires 7 ms late; the next tick is still due on the exact slot.
            clock.advance(to: origin + frame * Self.period + 7_000_000)
            expect(machine.tickFired(at: now), [encode(frame), tick(at: frame + 1)])
            expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.fanOut(starting: [])])
        }
    }

    @Test func slotsMissedWhileBehindAreSkippedAndCounted() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(to: origin + 3 * Self.period + 50_000_000)
        expect(machine.tickFired(at: now), [.countSkipped(2), encode(3), tick(at: 4)])
    }

    @Test func anEarlyTimerTakesNoSlot() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(to: origin + Self.period - 1)
        expect(machine.tickFired(at: now), [tick(at: 1)])
    }

    @Test func aStaleTickAfterStoppingDoesNothing() {
        var machine = Self.machine()
        playing(&machine)
        _ = machine.leave(1, at: now)
        clock.advance(by: Self.period)
        expect(machine.tickFired(at: now), [])
    }

    // MARK: - The deferred slot

    @Test func theLatestSlotDueDuringAnEncodeIsEncodedTheMomentItEnds() {
        var machine = Self.machine()
        expect(machine.join(1, keyframeOnJoin: true, at: now), [.openSource(Self.size)])
        expect(machine.sourceOpened(size: Self.size, at: now), [encode(0, forceIDR: true), tick(at: 1)])
        // Frame 0 is still encoding when slots 1 and 2 come due: 1 is kept, then replaced by 2.
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [tick(at: 2)])
        #expect(machine.deferredFrame == 1)
        clock.advance(to: origin + 2 * Self.period)
        expect(machine.tickFired(at: now), [.countSkipped(1), tick(at: 3)])
        #expect(machine.deferredFrame == 2)
        clock.advance(by: 30_000_000)
        expect(machine.encodeFinished(.accessUnit(isIDR: true), at: now), [.fanOut(starting: [1]), encode(2)])
        #expect(machine.deferredFrame == nil)
        // Slot 3 comes while 2 encodes: kept, and encoded right after.
        clock.advance(to: origin + 3 * Self.period)
        expect(machine.tickFired(at: now), [tick(at: 4)])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.fanOut(starting: []), encode(3)])
    }

    @Test func aKeptSlotIsForgottenWhenTheLastViewerLeaves() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1), tick(at: 2)])
        clock.advance(to: origin + 2 * Self.period)
        expect(machine.tickFired(at: now), [tick(at: 3)])
        expect(machine.leave(1, at: now), [.cancelTick, .scheduleIdleStop(at: now.monotonic + Self.idleDelay)])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.fanOut(starting: [])])
    }

    // MARK: - IDR on join

    @Test func aJoiningViewerAsksForAnIDRAndWaitsForIt() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1), tick(at: 2)])
        // Viewer 2 joins while frame 1 (not an IDR) encodes: it does not start on it.
        expect(machine.join(2, keyframeOnJoin: true, at: now), [])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.fanOut(starting: [])])
        #expect(machine.roster.waiting == [2: true])
        clock.advance(to: origin + 2 * Self.period)
        expect(machine.tickFired(at: now), [encode(2, forceIDR: true), tick(at: 3)])
        expect(machine.encodeFinished(.accessUnit(isIDR: true), at: now), [.fanOut(starting: [2])])
        #expect(machine.roster.active == [1, 2])
    }

    @Test func aViewerJoiningWithoutAKeyframeStartsOnTheNextUnitAndAsksForNoIDR() {
        var machine = Self.machine()
        playing(&machine)
        expect(machine.join(2, keyframeOnJoin: false, at: now), [])
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1, forceIDR: false), tick(at: 2)])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.fanOut(starting: [2])])
    }

    @Test func anIDRThatDidNotComeOutIsAskedForAgain() {
        var machine = Self.machine()
        expect(machine.join(1, keyframeOnJoin: true, at: now), [.openSource(Self.size)])
        expect(machine.sourceOpened(size: Self.size, at: now), [encode(0, forceIDR: true), tick(at: 1)])
        expect(machine.encodeFinished(.nothing, at: now), [])
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1, forceIDR: true), tick(at: 2)])
        expect(machine.encodeFinished(.failed, at: now), [])
        clock.advance(to: origin + 2 * Self.period)
        expect(machine.tickFired(at: now), [encode(2, forceIDR: true), tick(at: 3)])
    }

    @Test func anIDRAskedForIsTheNextFrameOnlyThenPlainFramesFollow() {
        var machine = Self.machine()
        playing(&machine)
        machine.requestIDR()
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1, forceIDR: true), tick(at: 2)])
        expect(machine.encodeFinished(.accessUnit(isIDR: true), at: now), [.fanOut(starting: [])])
        clock.advance(to: origin + 2 * Self.period)
        expect(machine.tickFired(at: now), [encode(2, forceIDR: false), tick(at: 3)])
    }

    @Test func joiningTwiceChangesNothing() {
        var machine = Self.machine()
        playing(&machine)
        expect(machine.join(1, keyframeOnJoin: true, at: now), [])
        #expect(!machine.idrRequested)
    }

    // MARK: - Join, leave and idle stop

    @Test func theSourceClosesAfterTheIdleDelay() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(by: 40_000_000)
        let due = now.monotonic + Self.idleDelay
        expect(machine.leave(1, at: now), [.cancelTick, .scheduleIdleStop(at: due)])
        #expect(machine.roster.isEmpty)
        clock.advance(to: due)
        expect(machine.idleStopFired(at: now), [.closeSource])
        #expect(machine.source == .closed)
        // Coming back opens a new source.
        expect(machine.join(2, keyframeOnJoin: true, at: now), [.openSource(Self.size)])
    }

    @Test func aViewerArrivingBeforeTheIdleDelayCancelsTheStop() {
        var machine = Self.machine()
        playing(&machine)
        _ = machine.leave(1, at: now)
        clock.advance(by: Self.idleDelay / 2)
        // The source is still open: the clock resumes with the slot due now, nothing skipped.
        let slot = (now.monotonic - origin) / Self.period
        expect(machine.join(2, keyframeOnJoin: true, at: now),
               [.cancelIdleStop, encode(slot, forceIDR: true), tick(at: slot + 1)])
        clock.advance(by: Self.idleDelay)
        expect(machine.idleStopFired(at: now), [])
        #expect(machine.source == .open(Self.size))
    }

    @Test func aLeavingViewerThatNeverStartedIsForgotten() {
        var machine = Self.machine()
        expect(machine.join(1, keyframeOnJoin: true, at: now), [.openSource(Self.size)])
        expect(machine.leave(1, at: now), [.scheduleIdleStop(at: now.monotonic + Self.idleDelay)])
        // The source opens with nobody left: no clock, and the idle stop is armed again.
        expect(machine.sourceOpened(size: Self.size, at: now), [.scheduleIdleStop(at: now.monotonic + Self.idleDelay)])
        #expect(!machine.isTicking)
    }

    @Test func anAlwaysOnStreamEncodesFromTheStartAndNeverStopsForIdleness() {
        var machine = Self.machine(alwaysOn: true)
        expect(machine.start(at: now), [.openSource(Self.size)])
        expect(machine.sourceOpened(size: Self.size, at: now), [encode(0), tick(at: 1)])
        expect(machine.encodeFinished(.accessUnit(isIDR: true), at: now), [.fanOut(starting: [])])
        expect(machine.join(1, keyframeOnJoin: true, at: now), [])
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1, forceIDR: true), tick(at: 2)])
        expect(machine.leave(1, at: now), [])
        #expect(machine.isTicking)
    }

    @Test func anIdleStopDuringAnEncodeClosesTheSourceWhenTheEncodeFinishes() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1), tick(at: 2)])
        expect(machine.leave(1, at: now), [.cancelTick, .scheduleIdleStop(at: now.monotonic + Self.idleDelay)])
        clock.advance(by: Self.idleDelay)
        expect(machine.idleStopFired(at: now), [])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.closeSource, .fanOut(starting: [])])
        #expect(machine.source == .closed)
    }

    @Test func aViewerArrivingWhileTheIdleStopWaitsForAnEncodeKeepsTheSource() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1), tick(at: 2)])
        _ = machine.leave(1, at: now)
        clock.advance(by: Self.idleDelay)
        expect(machine.idleStopFired(at: now), [])
        // The encode still runs: the slot due now is kept for when it finishes.
        let slot = (now.monotonic - origin) / Self.period
        expect(machine.join(2, keyframeOnJoin: true, at: now), [tick(at: slot + 1)])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now),
               [.fanOut(starting: []), encode(slot, forceIDR: true)])
        #expect(machine.source == .open(Self.size))
    }

    // MARK: - DESCRIBE

    @Test func describeOpensTheSourceOnceAndThenAnswersFromWhatItKnows() {
        var machine = Self.machine()
        expect(machine.describe(at: now), [.openSource(Self.size)])
        expect(machine.describe(at: now), [])
        let due = now.monotonic + Self.idleDelay
        expect(machine.sourceOpened(size: Self.size, at: now), [.answerDescribes, .scheduleIdleStop(at: due)])
        clock.advance(to: due)
        expect(machine.idleStopFired(at: now), [.closeSource])
        expect(machine.describe(at: now), [.answerDescribes, .scheduleIdleStop(at: now.monotonic + Self.idleDelay)])
    }

    @Test func aSourceThatCannotOpenFailsDescribesAndEndsWaitingViewers() {
        var machine = Self.machine()
        expect(machine.describe(at: now), [.openSource(Self.size)])
        expect(machine.join(1, keyframeOnJoin: true, at: now), [])
        expect(machine.sourceFailed(at: now), [.failDescribes, .endViewers([1])])
        #expect(machine.roster.isEmpty)
        expect(machine.join(2, keyframeOnJoin: true, at: now), [.openSource(Self.size)])
    }

    // MARK: - Reboot and end

    @Test func rebootDropsEveryoneAndDiscardsTheUnitEncodingForTheOldIdentity() {
        var machine = Self.machine()
        playing(&machine)
        expect(machine.join(2, keyframeOnJoin: true, at: now), [])
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1, forceIDR: true), tick(at: 2)])
        let actions = machine.reboot(at: now)
        #expect(actions.prefix(2) == [.cancelTick, .scheduleIdleStop(at: now.monotonic + Self.idleDelay)])
        guard case .dropViewers(let dropped) = actions.last else {
            Issue.record("no viewers dropped: \(actions)")
            return
        }
        #expect(Set(dropped) == [1, 2])
        #expect(machine.roster.isEmpty)
        // The unit for the old identity reaches nobody.
        expect(machine.encodeFinished(.accessUnit(isIDR: true), at: now), [])
        // The first unit after the reboot, at the next slot, is an IDR of the new identity.
        expect(machine.join(3, keyframeOnJoin: false, at: now), [.cancelIdleStop, tick(at: 2)])
        clock.advance(to: origin + 2 * Self.period)
        expect(machine.tickFired(at: now), [encode(2, forceIDR: true, epoch: 1), tick(at: 3)])
    }

    @Test func endTellsEveryViewerAndClosesTheSourceOnceTheEncodeFinishes() {
        var machine = Self.machine()
        playing(&machine)
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1), tick(at: 2)])
        expect(machine.end(at: now), [.cancelTick, .endViewers([1])])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.closeSource])
        expect(machine.join(2, keyframeOnJoin: true, at: now), [.endViewers([2])])
        expect(machine.tickFired(at: now), [])
        expect(machine.describe(at: now), [.answerDescribes])
    }

    @Test func aSourceOpeningWhenTheStreamEndsIsClosedAsItOpens() {
        var machine = Self.machine()
        expect(machine.join(1, keyframeOnJoin: true, at: now), [.openSource(Self.size)])
        expect(machine.end(at: now), [.endViewers([1])])
        expect(machine.sourceOpened(size: Self.size, at: now), [.closeSource])
    }

    // MARK: - Picture faults

    @Test func aResolutionChangeReopensTheSourceAtTheNewSize() {
        let change = origin + 2 * Self.period
        let small = PictureSize(width: 320, height: 240)
        var machine = Self.machine(faults: PictureFaults(isFrozen: { _ in false }, resolution: { $0 >= change ? small : nil }))
        playing(&machine)
        clock.advance(to: origin + Self.period)
        expect(machine.tickFired(at: now), [encode(1), tick(at: 2)])
        expect(machine.encodeFinished(.accessUnit(isIDR: false), at: now), [.fanOut(starting: [])])
        clock.advance(to: change)
        expect(machine.tickFired(at: now), [.closeSource, .openSource(small), tick(at: 3)])
        expect(machine.sourceOpened(size: small, at: now), [])
        clock.advance(to: origin + 3 * Self.period)
        expect(machine.tickFired(at: now), [encode(3), tick(at: 4)])
    }

    @Test func aFrozenPictureIsEncodedWithoutARedraw() {
        let frozenFrom = origin + Self.period
        var machine = Self.machine()
        playing(&machine)
        machine.pictureFaults = PictureFaults(isFrozen: { $0 >= frozenFrom }, resolution: { _ in nil })
        clock.advance(to: frozenFrom)
        expect(machine.tickFired(at: now), [encode(1, redraw: false), tick(at: 2)])
    }
}
