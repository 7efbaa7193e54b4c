import Foundation
import Randomness

extension AudioSignal {
    /// The value of sample `n` (counted from the stream's origin, at `rate` Hz), before
    /// rounding to Int16: the signal's peak amplitude times its waveform.
    public func value(at n: Int64, rate: Int) -> Double {
        peakAmplitude * waveform(at: n, rate: rate)
    }

    /// Sample `n` as Int16 PCM (rounded, clamped to the Int16 range).
    public func sample(at n: Int64, rate: Int) -> Int16 {
        Int16(clamping: Int(value(at: n, rate: rate).rounded()))
    }

    /// Sample index → Int16 PCM, the same values as `sample(at:rate:)` with the level's
    /// amplitude worked out once instead of once a sample.
    public func sampler(rate: Int) -> @Sendable (Int64) -> Int16 {
        let amplitude = peakAmplitude, signal = self
        return { n in Int16(clamping: Int((amplitude * signal.waveform(at: n, rate: rate)).rounded())) }
    }

    /// The peak amplitude of the signal's level, as Int16 PCM (0 for silence). A block of
    /// samples computes it once rather than once a sample.
    var peakAmplitude: Double {
        switch self {
        case .silence: 0
        case .tone(let tone): AudioLevel.amplitude(dBFS: tone.levelDBFS)
        case .beep(let beep): AudioLevel.amplitude(dBFS: beep.levelDBFS)
        case .noise(let noise): AudioLevel.amplitude(dBFS: noise.levelDBFS)
        case .sweep(let sweep): AudioLevel.amplitude(dBFS: sweep.levelDBFS)
        }
    }

    /// Sample `n` of the waveform at full scale, in −1...1.
    func waveform(at n: Int64, rate: Int) -> Double {
        switch self {
        case .silence:
            return 0
        case .tone(let tone):
            let cycles = Self.cycles(frequency: tone.frequency, sample: n, rate: rate)
            return sin(2 * .pi * cycles)
        case .beep(let beep):
            let period = max(1, Int64((beep.period * Double(rate)).rounded()))
            let length = Int64((beep.duration * Double(rate)).rounded())
            let k = Self.modulo(n, period)
            guard k < length else { return 0 }
            let cycles = Self.cycles(frequency: beep.frequency, sample: k, rate: rate)
            return sin(2 * .pi * cycles)
        case .noise(let noise):
            // The n-th draw of SeededGenerator(seed:), reached directly: each draw advances the
            // state by one fixed increment before mixing it. The draws repeat every
            // `Noise.period` samples.
            let index = Self.modulo(n, Noise.period)
            var generator = SeededGenerator(seed: noise.seed &+ UInt64(bitPattern: index) &* 0x9E37_79B9_7F4A_7C15)
            return generator.nextUnit() * 2 - 1
        case .sweep(let sweep):
            let period = max(1, Int64((sweep.duration * Double(rate)).rounded()))
            let t = Double(Self.modulo(n, period)) / Double(rate)
            let span = Double(period) / Double(rate)
            // Phase of a linear chirp: f0·t + (f1 − f0)·t² / (2T) cycles.
            let cycles = sweep.from * t + (sweep.to - sweep.from) * t * t / (2 * span)
            return sin(2 * .pi * (cycles - cycles.rounded(.down)))
        }
    }

    /// The fractional part of `frequency · n / rate` cycles, kept exact over long runs: the
    /// whole seconds and the samples within the last second are scaled separately.
    static func cycles(frequency: Double, sample n: Int64, rate: Int) -> Double {
        let r = Int64(rate)
        let seconds = n >= 0 ? n / r : -((-n + r - 1) / r)
        let within = n - seconds * r
        let whole = frequency * Double(seconds)
        let cycles = (whole - whole.rounded(.down)) + frequency * Double(within) / Double(rate)
        return cycles - cycles.rounded(.down)
    }

    /// `n` modulo `m`, in 0 ..< m also for negative `n`.
    static func modulo(_ n: Int64, _ m: Int64) -> Int64 {
        let r = n % m
        return r < 0 ? r + m : r
    }
}
