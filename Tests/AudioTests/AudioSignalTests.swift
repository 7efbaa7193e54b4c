import Frames
import Randomness
import Testing
@testable import Audio

/// Signals as pure functions of the sample index: frequency, level, determinism, blocks,
/// long runs, and the beep's alignment with the av-sync flash.
@Suite struct AudioSignalTests {
    /// Upward zero crossings per second over `samples`, a frequency estimate.
    static func frequency(_ samples: [Int16], rate: Int) -> Double {
        var crossings = 0
        for i in 1..<samples.count where samples[i - 1] < 0 && samples[i] >= 0 { crossings += 1 }
        return Double(crossings) * Double(rate) / Double(samples.count)
    }

    @Test(arguments: [(8000, 440.0), (8000, 1000.0), (48000, 1000.0), (44100, 3150.0), (16000, 697.0)])
    func toneHasItsFrequencyAndLevel(rate: Int, frequency: Double) {
        let signal = AudioSignal.tone(Tone(frequency: frequency, levelDBFS: -6))
        let samples = signal.samples(from: 0, frames: rate * 2, rate: rate)
        #expect(abs(Self.frequency(samples, rate: rate) - frequency) <= frequency * 0.005)
        // A sine's RMS is its peak over √2; −6 dBFS is a peak of about half scale.
        let rms = (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
        #expect(abs(rms * 2.0.squareRoot() - AudioLevel.amplitude(dBFS: -6)) < 32767 * 0.005)
    }

    @Test func levelConversion() {
        #expect(AudioLevel.amplitude(dBFS: 0) == 32767)
        #expect(AudioLevel.amplitude(dBFS: 6) == 32767)
        #expect(abs(AudioLevel.amplitude(dBFS: -20) - 3276.7) < 0.01)
    }

    /// A block starting anywhere equals the same samples computed one by one, and blocks of 160
    /// laid end to end equal one long block: nothing depends on how the stream is cut.
    @Test(arguments: [
        AudioSignal.tone(Tone(frequency: 1234.5)), .beep(.avSync), .noise(Noise(seed: 7)),
        .sweep(Sweep(from: 200, to: 3000, duration: 0.5)), .silence,
    ])
    func blocksAreCutIndependent(signal: AudioSignal) {
        let whole = signal.samples(from: 123_456, frames: 1600, rate: 8000)
        let pieces = (0..<10).flatMap { signal.samples(from: 123_456 + Int64($0 * 160), frames: 160, rate: 8000) }
        #expect(whole == pieces)
        #expect(whole == (0..<1600).map { signal.sample(at: 123_456 + Int64($0), rate: 8000) })
    }

    /// Ten days into a stream, a whole-hertz tone is at exactly the phase it had at the start of
    /// the second: no accumulated error.
    @Test func longRunsKeepPhase() {
        let signal = AudioSignal.tone(Tone(frequency: 1000, levelDBFS: 0))
        let tenDays = Int64(10 * 86_400 * 48_000)
        #expect(signal.samples(from: tenDays, frames: 480, rate: 48_000) == signal.samples(from: 0, frames: 480, rate: 48_000))
        // A fractional frequency drifts by its fraction per second, as it should: 0.5 Hz → half a cycle.
        let half = AudioSignal.tone(Tone(frequency: 440.5, levelDBFS: 0))
        let a = half.value(at: 8000 * 1001, rate: 8000), b = half.value(at: 0, rate: 8000)
        #expect(abs(a - b) < 1e-6)  // an odd number of seconds at 440.5 Hz: phase 0.5 + 0 … sin(π) = sin(0) = 0
    }

    @Test func interleavedChannelsCarryTheSameSignal() {
        let signal = AudioSignal.tone(Tone(frequency: 300))
        let mono = signal.samples(from: 5, frames: 100, rate: 16_000)
        let stereo = signal.samples(from: 5, frames: 100, rate: 16_000, channels: 2)
        #expect(stereo.count == 200)
        let left = stride(from: 0, to: 200, by: 2).map { stereo[$0] }
        let right = stride(from: 1, to: 200, by: 2).map { stereo[$0] }
        #expect(left == mono)
        #expect(right == mono)
    }

    @Test func silenceIsZero() {
        #expect(AudioSignal.silence.samples(from: 99, frames: 480, rate: 48_000, channels: 2).allSatisfy { $0 == 0 })
    }

    @Test func beepSoundsForItsDurationFromEachWholeSecond() {
        let rate = 48_000
        let signal = AudioSignal.beep(.avSync)
        for second in [0, 1, 7, 3600] {
            let start = Int64(second * rate)
            let block = signal.samples(from: start - 48, frames: 4800 + 96, rate: rate)
            #expect(block[0..<48].allSatisfy { $0 == 0 }, "silent before second \(second)")
            #expect(block[48] == 0 && block[48 + 12] > 10_000, "starts at sine phase zero on the second")
            #expect(block[48..<(48 + 4800)].contains { $0 > 16_000 })
            #expect(block[(48 + 4800)...].allSatisfy { $0 == 0 }, "silent after 100 ms")
        }
        let samples = signal.samples(from: 0, frames: 4800, rate: rate)
        #expect(abs(Self.frequency(samples, rate: rate) - 1000) <= 10)
    }

    /// The av-sync scene's flash lights the first frame of each whole second of media time
    /// (at fractional rates, when one falls within half a frame after it); each beep onset
    /// (sample `second · rate`) is within half a frame of the flashed frame's instant.
    @Test(arguments: [25.0, 30.0, 30_000.0 / 1001, 60.0])
    func beepOnsetsMeetTheFlash(fps: Double) throws {
        let flash = Flash(region: .empty, colour: YCbCr(y: 235, cb: 128, cr: 128))
        let rate = 48_000
        var flashes = 0
        for second in 1...20 {
            // A flashing frame from half a second before the whole second to half a second after.
            let from = Int64((Double(second) - 0.5) * fps)
            let flashed = (from..<(from + Int64(fps))).first { frame in
                flash.isFlashing(FrameContext(
                    frameIndex: frame, mediaTime: Double(frame) / fps, wallClockNanos: 0, cameraName: "c", frameRate: fps))
            }
            #expect(AudioSignal.beep(.avSync).sample(at: Int64(second * rate) - 1, rate: rate) == 0)
            #expect(AudioSignal.beep(.avSync).sample(at: Int64(second * rate) + 12, rate: rate) > 10_000)
            guard let frame = flashed else {
                #expect(fps != fps.rounded(), "whole frame rates flash every second")
                continue
            }
            flashes += 1
            let onset = Double(Int64(second * rate)) / Double(rate)  // the beep's first sample
            #expect(abs(Double(frame) / fps - onset) <= 0.5 / fps, "second \(second) at \(fps) fps")
        }
        #expect(flashes >= 8)
    }

    @Test func noiseIsSeededAndBounded() {
        let a = AudioSignal.noise(Noise(seed: 42, levelDBFS: -6)).samples(from: 0, frames: 8000, rate: 8000)
        let b = AudioSignal.noise(Noise(seed: 42, levelDBFS: -6)).samples(from: 0, frames: 8000, rate: 8000)
        let c = AudioSignal.noise(Noise(seed: 43, levelDBFS: -6)).samples(from: 0, frames: 8000, rate: 8000)
        #expect(a == b)
        #expect(a != c)
        let limit = Int(AudioLevel.amplitude(dBFS: -6).rounded())
        #expect(a.allSatisfy { abs(Int($0)) <= limit })
        let mean = Double(a.reduce(0) { $0 + Int($1) }) / Double(a.count)
        #expect(abs(mean) < Double(limit) * 0.05)
        #expect(a.map { abs(Int($0)) }.max()! > limit * 9 / 10)
        // Sample n is the n-th draw of the generator with that seed.
        var generator = SeededGenerator(seed: 42)
        let draws = (0..<10).map { _ in generator.nextUnit() }
        let expected = draws.map { Int16((AudioLevel.amplitude(dBFS: -6) * ($0 * 2 - 1)).rounded()) }
        #expect(Array(a[0..<10]) == expected)
    }

    @Test func sweepRisesFromItsStartToItsEndFrequency() {
        let rate = 48_000
        let signal = AudioSignal.sweep(Sweep(from: 500, to: 4000, duration: 2))
        let start = signal.samples(from: 0, frames: 4800, rate: rate)  // 0.1 s: about 500 … 675 Hz
        let end = signal.samples(from: 2 * 48_000 - 4800, frames: 4800, rate: rate)  // about 3825 … 4000 Hz
        let again = signal.samples(from: 2 * 48_000, frames: 4800, rate: rate)
        #expect(abs(Self.frequency(start, rate: rate) - 587.5) < 15)
        #expect(abs(Self.frequency(end, rate: rate) - 3912.5) < 15)
        #expect(again == start)
    }
}
