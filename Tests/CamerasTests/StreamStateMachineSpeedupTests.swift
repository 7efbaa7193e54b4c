import H264
import Testing
@testable import Cameras

/// An unpaced replay's stream: its frame clock ticks several times its frame rate, and
/// frame indices go on from where they were when the speed changes.
@Suite struct StreamStateMachineSpeedupTests {
    typealias Machine = StreamStateMachine<Int>

    let clock = FakeClock()

    /// 10 fps: a slot every 100 ms at speed 1.
    static func machine() -> Machine {
        Machine(configuration: .init(
            frameRate: FrameRate(numerator: 10), size: PictureSize(width: 640, height: 480), alwaysOn: false,
            idleStopDelayNanoseconds: 0))
    }

    static func encodedFrame(_ actions: [Machine.Action]) -> Int64? {
        for case .encode(let request) in actions { return request.frame }
        return nil
    }

    static func tickDue(_ actions: [Machine.Action]) -> Int64? {
        for case .scheduleTick(let due) in actions { return due }
        return nil
    }

    @Test func aFasterClockTicksSooner() throws {
        var machine = Self.machine()
        _ = machine.join(1, keyframeOnJoin: true, at: clock.reading())
        _ = machine.sourceOpened(size: PictureSize(width: 640, height: 480), at: clock.reading())
        _ = machine.encodeFinished(.accessUnit(isIDR: true), at: clock.reading())
        // Three slots at 10 fps, then 16 times faster: a tick every 6.25 ms, not 100 ms.
        for _ in 1...3 {
            clock.advance(by: 100_000_000)
            let actions = machine.tickFired(at: clock.reading())
            #expect(Self.encodedFrame(actions) != nil)
            _ = machine.encodeFinished(.accessUnit(isIDR: false), at: clock.reading())
        }
        let before = clock.now
        machine.setSpeedup(16, at: clock.reading())
        #expect(machine.speedup == 16)
        let actions = machine.tickFired(at: clock.reading())
        // The frame index goes on after the last one taken (3), never back to 0, and the
        // slot after it is due 1/160 s later.
        #expect(Self.encodedFrame(actions) == 4)
        let due = try #require(Self.tickDue(actions))
        #expect(due == before + 6_250_000)
        // Back to speed 1: slots 100 ms apart again, indices still going on.
        _ = machine.encodeFinished(.accessUnit(isIDR: false), at: clock.reading())
        machine.setSpeedup(1, at: clock.reading())
        let slower = machine.tickFired(at: clock.reading())
        #expect(Self.encodedFrame(slower) == 5)
        let next = try #require(Self.tickDue(slower))
        #expect(next == clock.now + 100_000_000)
    }
}
