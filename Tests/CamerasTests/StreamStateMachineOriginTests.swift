import H264
import Testing
@testable import Cameras

/// A stream with an audio track: its frame clock counts from the stream's origin, the
/// audio's sample 0, so the frame at media second k and the audio sample at second k have
/// one capture instant (and the av-sync flash meets its beep) however late the first viewer comes.
@Suite struct StreamStateMachineOriginTests {
    typealias Machine = StreamStateMachine<Int>

    static func machine(origin: ClockReading?) -> Machine {
        Machine(configuration: .init(
            frameRate: FrameRate(numerator: 25), size: PictureSize(width: 320, height: 180), alwaysOn: false,
            idleStopDelayNanoseconds: 0, origin: origin))
    }

    static func encoded(_ actions: [Machine.Action]) -> Machine.EncodeRequest? {
        for case .encode(let request) in actions { return request }
        return nil
    }

    /// Joins at `joinAfter` ns past the origin; the first two encode requests.
    static func firstTwoFrames(origin: ClockReading?, clock: FakeClock, joinAfter: Int64) throws -> [Machine.EncodeRequest] {
        var machine = machine(origin: origin)
        clock.advance(by: joinAfter)
        _ = machine.join(1, keyframeOnJoin: true, at: clock.reading())
        let first = try #require(encoded(machine.sourceOpened(size: PictureSize(width: 320, height: 180), at: clock.reading())))
        _ = machine.encodeFinished(.accessUnit(isIDR: true), at: clock.reading())
        clock.advance(to: clock.now + 40_000_000)
        let second = try #require(encoded(machine.tickFired(at: clock.reading())))
        return [first, second]
    }

    @Test func framesCountFromTheSharedOrigin() throws {
        let clock = FakeClock()
        let origin = clock.reading()
        // The first viewer comes 990 ms after the origin: its first frame is slot 24 (at 960 ms),
        // and slot 25 is media second 1, captured exactly one second after the origin.
        let frames = try Self.firstTwoFrames(origin: origin, clock: clock, joinAfter: 990_000_000)
        #expect(frames.map(\.frame) == [24, 25])
        #expect(frames[1].mediaNanos == 1_000_000_000)
        #expect(frames[1].wallClockNanos == origin.wall + 1_000_000_000)
        // The audio's unit that starts at second 1 (8 kHz, 20 ms units: unit 50) has the same instant.
        let audio = AudioUnitClock(rate: 8000, samplesPerUnit: 160, originNanos: origin.monotonic, wallOriginNanos: origin.wall)
        #expect(audio.firstSample(ofUnit: 50) == 8000)
        #expect(audio.wallClockNanos(ofUnit: 50) == frames[1].wallClockNanos)
        // AAC at 48 kHz: sample 48 000 is at second 1 too.
        let aac = AudioUnitClock(rate: 48_000, samplesPerUnit: 1024, originNanos: origin.monotonic, wallOriginNanos: origin.wall)
        #expect(aac.nanoseconds(untilSample: 48_000) == frames[1].mediaNanos)
    }

    /// Without another track the frame clock starts at the first tick, as before.
    @Test func withoutAnOriginFramesCountFromTheFirstTick() throws {
        let clock = FakeClock()
        let joined = clock.now + 990_000_000
        let frames = try Self.firstTwoFrames(origin: nil, clock: clock, joinAfter: 990_000_000)
        #expect(frames.map(\.frame) == [0, 1])
        #expect(frames[0].wallClockNanos == joined + clock.wallOffset)
    }
}
