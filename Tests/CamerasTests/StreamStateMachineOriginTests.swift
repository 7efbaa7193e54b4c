import H264
import Testing
@testable import Cameras

/// A stream with an audio track: the audio's sample 0 is the video's frame 0
/// (`mediaOrigin`), so the frame at media second k and the audio sample at second k have
/// one capture instant, and the av-sync flash meets its beep.
@Suite struct StreamStateMachineOriginTests {
    typealias Machine = StreamStateMachine<Int>

    static func machine() -> Machine {
        Machine(configuration: .init(
            frameRate: FrameRate(numerator: 25), size: PictureSize(width: 320, height: 180), alwaysOn: false,
            idleStopDelayNanoseconds: 0))
    }

    static func encoded(_ actions: [Machine.Action]) -> Machine.EncodeRequest? {
        for case .encode(let request) in actions { return request }
        return nil
    }

    /// Opens the source and returns the first two encode requests.
    static func firstTwoFrames(_ machine: inout Machine, clock: FakeClock) throws -> [Machine.EncodeRequest] {
        let first = try #require(encoded(machine.sourceOpened(size: PictureSize(width: 320, height: 180), at: clock.reading())))
        _ = machine.encodeFinished(.accessUnit(isIDR: true), at: clock.reading())
        clock.advance(to: clock.now + 40_000_000)
        let second = try #require(encoded(machine.tickFired(at: clock.reading())))
        return [first, second]
    }

    /// The video starts first: the audio asks for the origin later and gets frame 0's instant.
    @Test func theAudioTakesTheVideosFrameZero() throws {
        let clock = FakeClock()
        var machine = Self.machine()
        _ = machine.join(1, keyframeOnJoin: true, at: clock.reading())
        let frames = try Self.firstTwoFrames(&machine, clock: clock)
        #expect(frames.map(\.frame) == [0, 1])
        clock.advance(by: 500_000_000)
        let origin = machine.mediaOrigin(at: clock.reading())
        #expect(origin.wall == frames[0].wallClockNanos)
        #expect(origin.wall + 40_000_000 == frames[1].wallClockNanos)
        // The audio's unit at 40 ms (8 kHz, 20 ms units: unit 2) has frame 1's instant.
        let audio = AudioUnitClock(rate: 8000, samplesPerUnit: 160, originNanos: origin.monotonic, wallOriginNanos: origin.wall)
        #expect(audio.wallClockNanos(ofUnit: 2) == frames[1].wallClockNanos)
        // AAC at 48 kHz: sample 1920 is at 40 ms too.
        let aac = AudioUnitClock(rate: 48_000, samplesPerUnit: 1024, originNanos: origin.monotonic, wallOriginNanos: origin.wall)
        #expect(aac.nanoseconds(untilSample: 1920) == frames[1].mediaNanos)
    }

    /// The audio asks first: the frame clock starts then, and the video's frames count from it.
    @Test func theVideoCountsFromTheAudiosOrigin() throws {
        let clock = FakeClock()
        var machine = Self.machine()
        let origin = machine.mediaOrigin(at: clock.reading())
        clock.advance(by: 990_000_000)
        _ = machine.join(1, keyframeOnJoin: true, at: clock.reading())
        let frames = try Self.firstTwoFrames(&machine, clock: clock)
        // Frame k is at origin + k/25 s, whichever slot the video starts on.
        for frame in frames {
            #expect(frame.wallClockNanos == origin.wall + frame.frame * 40_000_000)
            #expect(frame.mediaNanos == frame.frame * 40_000_000)
        }
    }
}
