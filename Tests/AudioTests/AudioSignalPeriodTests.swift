import Testing
@testable import Audio

/// Signal periods: the sample count after which a signal repeats, which the replayed audio
/// tables are built on.
@Suite struct AudioSignalPeriodTests {
    @Test(arguments: [
        (1000.0, 48_000, Int64(48)), (440, 48_000, 1200), (997.5, 48_000, 6400), (1000, 44_100, 441),
        (997, 48_000, 48_000), (1000, 8000, 8), (0.5, 8000, 16_000), (3150, 44_100, 14),
    ])
    func tonePeriods(frequency: Double, rate: Int, period: Int64) {
        #expect(AudioSignal.tone(Tone(frequency: frequency)).period(rate: rate) == period)
    }

    @Test func periodsOfTheOtherSignals() {
        #expect(AudioSignal.silence.period(rate: 48_000) == 1)
        #expect(AudioSignal.beep(.avSync).period(rate: 48_000) == 48_000)
        #expect(AudioSignal.beep(Beep(period: 0.25)).period(rate: 8000) == 2000)
        #expect(AudioSignal.sweep(Sweep(duration: 5)).period(rate: 44_100) == 220_500)
        #expect(AudioSignal.noise(Noise(seed: 3)).period(rate: 16_000) == Noise.period)
    }

    /// A frequency with no short fraction (π · 100 Hz) has no period to find.
    @Test func anIrrationalToneHasNone() {
        #expect(AudioSignal.tone(Tone(frequency: .pi * 100)).period(rate: 48_000) == nil)
    }

    /// The period is one: sample n + P is sample n, anywhere in the stream, and for a tone no
    /// shorter shift (P / q for a prime q dividing P) does it.
    @Test(arguments: [
        AudioSignal.tone(Tone(frequency: 1000, levelDBFS: 0)), .tone(Tone(frequency: 440, levelDBFS: 0)),
        .tone(Tone(frequency: 997.5, levelDBFS: 0)), .beep(.avSync), .sweep(Sweep(from: 200, to: 3000, duration: 0.5)),
        .noise(Noise(seed: 9, levelDBFS: 0)), .silence,
    ])
    func signalsRepeatAfterTheirPeriod(signal: AudioSignal) throws {
        let rate = 48_000
        let period = try #require(signal.period(rate: rate))
        for start in [Int64(0), 12_345, 7 * period + 999, 1_000_000_007] {
            let a = signal.samples(from: start, frames: 2048, rate: rate)
            let b = signal.samples(from: start + period, frames: 2048, rate: rate)
            let worst = zip(a, b).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(worst <= 1, "start \(start): samples P apart differ by \(worst)")
        }
        if case .tone = signal {
            for prime: Int64 in [2, 3, 5] where period % prime == 0 {
                let a = signal.samples(from: 0, frames: 2048, rate: rate)
                let b = signal.samples(from: period / prime, frames: 2048, rate: rate)
                #expect(zip(a, b).contains { abs(Int($0) - Int($1)) > 100 }, "P/\(prime) is no period")
            }
        }
    }

    /// Noise repeats after whole AAC frames (1024 samples) and whole 20 ms G.711 packets
    /// (160 samples at 8 kHz), and after its period it plays its first samples again.
    @Test func noisePeriodDividesIntoUnits() {
        #expect(Noise.period % 1024 == 0)
        #expect(Noise.period % 160 == 0)
        let noise = AudioSignal.noise(Noise(seed: 5))
        #expect(noise.samples(from: Noise.period, frames: 160, rate: 8000) == noise.samples(from: 0, frames: 160, rate: 8000))
        #expect(noise.samples(from: Noise.period - 160, frames: 160, rate: 8000) != noise.samples(from: 0, frames: 160, rate: 8000))
    }
}
