import H264
import Testing
@testable import Cameras

/// One timer per event loop for its loop streams: the schedule's grid, its timer, and
/// streams on the grid that each find exactly one frame due per firing, with the frame
/// times of their own clocks.
@Suite struct FrameTickScheduleTests {
    typealias Schedule = FrameTickSchedule<Int>
    typealias Machine = StreamStateMachine<Int>

    static let fifteen = FrameRate(numerator: 15)
    static let size = PictureSize(width: 640, height: 360)

    @Test func gridInstantsAreTheFirstNanosecondOfEachFrameIndex() {
        for rate in [Self.fifteen, FrameRate(numerator: 30_000, denominator: 1001), FrameRate(numerator: 25)] {
            for index in Int64(0)..<50 {
                let instant = Schedule.instant(index, rate: rate)
                #expect(rate.frameIndex(atNanoseconds: instant) == index)
                #expect(index == 0 || rate.frameIndex(atNanoseconds: instant - 1) == index - 1)
            }
        }
        // 15 fps: 66 666 666.67 ns a frame, rounded up.
        #expect(Schedule.instant(1, rate: Self.fifteen) == 66_666_667)
        #expect(Schedule.origin(at: 66_666_667, rate: Self.fifteen) == 66_666_667)
        #expect(Schedule.origin(at: 133_333_333, rate: Self.fifteen) == 66_666_667)
        #expect(Schedule.nextFire(after: 66_666_667, rate: Self.fifteen) == 66_666_668)
        #expect(Schedule.nextFire(after: 66_666_668, rate: Self.fifteen) == 133_333_335)
    }

    @Test func oneTimerServesEveryMemberAndGoesWithTheLast() {
        var schedule = Schedule()
        let now: Int64 = 1_000_000_000
        let first = Schedule.nextFire(after: now, rate: Self.fifteen)
        #expect(schedule.join(1, rate: Self.fifteen, at: now) == .arm(at: first))
        #expect(schedule.join(2, rate: Self.fifteen, at: now + 5) == .keep)
        #expect(schedule.join(2, rate: Self.fifteen, at: now + 6) == .keep)
        #expect(schedule.memberCount == 2)
        let fired = schedule.fire(at: first)
        #expect(fired.due == [1, 2])
        #expect(fired.timer == .arm(at: Schedule.nextFire(after: first, rate: Self.fifteen)))
        #expect(schedule.leave(1, rate: Self.fifteen) == .keep)
        #expect(schedule.leave(1, rate: Self.fifteen) == .keep)
        #expect(schedule.fire(at: schedule.armedAt!).due == [2])
        #expect(schedule.leave(2, rate: Self.fifteen) == .disarm)
        #expect(schedule.memberCount == 0 && schedule.armedAt == nil)
    }

    @Test func groupsOfOtherRatesFireOnTheirOwnGrids() {
        var schedule = Schedule()
        let ten = FrameRate(numerator: 10)
        _ = schedule.join(1, rate: Self.fifteen, at: 0)
        #expect(schedule.join(2, rate: ten, at: 0) == .keep)  // 15 fps fires first
        #expect(schedule.armedAt == 66_666_668)
        var fires: [(Int64, [Int])] = []
        for _ in 0..<5 {
            let at = schedule.armedAt!
            fires.append((at, schedule.fire(at: at).due))
        }
        #expect(fires.map(\.0) == [66_666_668, 100_000_001, 133_333_335, 200_000_001, 266_666_668])
        // 200 ms is both grids' instant: one firing serves both groups.
        #expect(fires.map(\.1) == [[1], [2], [1], [1, 2], [1]] || fires.map(\.1) == [[1], [2], [1], [2, 1], [1]])
    }

    @Test func aLeaverInTheMiddleKeepsTheOthers() {
        var schedule = Schedule()
        for member in 1...4 { _ = schedule.join(member, rate: Self.fifteen, at: 0) }
        _ = schedule.leave(2, rate: Self.fifteen)
        #expect(Set(schedule.fire(at: schedule.armedAt!).due) == [1, 3, 4])
        #expect(schedule.contains(4, rate: Self.fifteen) && !schedule.contains(2, rate: Self.fifteen))
    }

    /// Streams that start at odd moments, ticked by one schedule whose timer fires on time
    /// or late by up to most of a frame: each takes exactly one frame per firing, none is
    /// skipped, and each frame's media time is its own clock's.
    @Test func alignedStreamsTakeOneFrameEveryFiringWithTheirOwnFrameTimes() throws {
        let clock = FakeClock(now: 5_000_000_123)
        var machines: [Int: Machine] = [:]
        var frames: [Int: [Machine.EncodeRequest]] = [:]
        var schedule = Schedule()
        func take(_ member: Int, _ actions: [Machine.Action]) {
            for action in actions {
                if case .encode(let request) = action {
                    frames[member, default: []].append(request)
                    _ = machines[member]!.encodeFinished(.accessUnit(isIDR: request.forceIDR), at: clock.reading())
                }
            }
        }
        var lateness = SplitMix(seed: 3)
        for member in 0..<40 {
            if member < 4 {
                // Members join at odd moments between firings (after one that came up to 60 ms late).
                clock.advance(by: Int64(lateness.next() % 5_000_000) + 1)
                var machine = Machine(configuration: .init(
                    frameRate: Self.fifteen, size: Self.size, alwaysOn: false, idleStopDelayNanoseconds: 0,
                    alignsToFrameGrid: true))
                _ = machine.join(member, keyframeOnJoin: true, at: clock.reading())
                machines[member] = machine
                take(member, machines[member]!.sourceOpened(size: Self.size, at: clock.reading()))
                _ = schedule.join(member, rate: Self.fifteen, at: clock.now)
            }
            // The timer fires at its time, or up to 60 ms late.
            let late = member < 4 || member % 3 == 0 ? 0 : Int64(lateness.next() % 60_000_000)
            clock.advance(to: max(clock.now, schedule.armedAt!) + late)
            for due in schedule.fire(at: clock.now).due { take(due, machines[due]!.tickFired(at: clock.reading())) }
        }
        for member in 0..<4 {
            let requests = try #require(frames[member])
            #expect(requests.map(\.frame) == Array(0..<Int64(requests.count)), "member \(member) skipped")
            #expect(requests.allSatisfy { $0.mediaNanos == Self.fifteen.nanoseconds(untilFrame: $0.frame) })
            #expect(zip(requests, requests.dropFirst()).allSatisfy { $1.wallClockNanos > $0.wallClockNanos })
            #expect(requests.count >= 36, "member \(member): \(requests.count) frames")
        }
    }
}

/// A small seeded generator for the test's lateness.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
