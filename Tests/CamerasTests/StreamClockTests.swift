import H264
import Testing
@testable import Cameras

@Suite struct StreamClockTests {
    let fps15 = FrameRate(numerator: 15)

    @Test func framesAreDueOnExactSlots() {
        let clock = StreamClock(frameRate: fps15, originNanos: 1_000, wallOriginNanos: 5_000)
        #expect(clock.dueNanos(ofFrame: 0) == 1_000)
        #expect(clock.dueNanos(ofFrame: 15) == 1_000_001_000)
        #expect(clock.wallClockNanos(ofFrame: 3) == 5_000 + 200_000_000)
    }

    @Test func onTimeTicksSkipNothing() {
        var clock = StreamClock(frameRate: fps15, originNanos: 0, wallOriginNanos: 0)
        for frame in Int64(0)..<30 {
            let tick = clock.take(at: clock.dueNanos(ofFrame: frame) + 1_000)
            #expect(tick == .init(frame: frame, skipped: 0))
        }
    }

    @Test func earlyWakeTakesNothing() {
        var clock = StreamClock(frameRate: fps15, originNanos: 0, wallOriginNanos: 0)
        _ = clock.take(at: 0)
        #expect(clock.take(at: clock.dueNanos(ofFrame: 1) - 1) == .init(frame: nil, skipped: 0))
    }

    @Test func fallingBehindSkipsSlotsButKeepsTheirTimes() {
        var clock = StreamClock(frameRate: fps15, originNanos: 0, wallOriginNanos: 0)
        _ = clock.take(at: 0)
        // Woken late, at frame 4's slot: frames 1, 2 and 3 are skipped, frame 4 keeps its own time.
        let tick = clock.take(at: clock.dueNanos(ofFrame: 4) + 10)
        #expect(tick == .init(frame: 4, skipped: 3))
        #expect(clock.nextFrame == 5)
    }

    @Test func resumingAfterIdleCountsNoSkips() {
        var clock = StreamClock(frameRate: fps15, originNanos: 0, wallOriginNanos: 0)
        _ = clock.take(at: 0)
        let later = clock.dueNanos(ofFrame: 100) + 5
        clock.resume(at: later)
        #expect(clock.take(at: later) == .init(frame: 100, skipped: 0))
    }
}
