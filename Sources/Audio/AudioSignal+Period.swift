extension AudioSignal {
    /// The signal's period in samples at `rate` Hz: the smallest P with sample n + P equal to
    /// sample n for every n (up to the rounding of a sine's phase), or nil when it has none
    /// short enough to find.
    ///
    /// - silence: 1.
    /// - tone: a frequency f = a / b with b ≤ `toneDenominators` repeats after
    ///   b · rate / gcd(a, b · rate) samples (1 kHz at 48 kHz: 48; 440 Hz: 1200).
    /// - beep and sweep: their own period (`period`, `duration`) in whole samples, which is
    ///   how the waveform counts them.
    /// - noise: `Noise.period`.
    public func period(rate: Int) -> Int64? {
        let rate = Int64(max(1, rate))
        switch self {
        case .silence:
            return 1
        case .tone(let tone):
            return Self.tonePeriod(frequency: tone.frequency, rate: rate)
        case .beep(let beep):
            return max(1, Int64((beep.period * Double(rate)).rounded()))
        case .sweep(let sweep):
            return max(1, Int64((sweep.duration * Double(rate)).rounded()))
        case .noise:
            return Noise.period
        }
    }

    /// The largest denominator a tone's frequency is read with: 997.5 Hz is 1995/2, and a
    /// frequency given to three decimals still has a period.
    public static let toneDenominators: Int64 = 1000

    /// The period of a sine of `frequency` Hz sampled at `rate`: with frequency = a / b in
    /// lowest terms, a · P / (b · rate) whole cycles first at P = b · rate / gcd(a, b · rate).
    static func tonePeriod(frequency: Double, rate: Int64) -> Int64? {
        guard frequency.isFinite, frequency >= 0, frequency < 1e9 else { return nil }
        for denominator in 1...toneDenominators {
            let scaled = frequency * Double(denominator)
            let numerator = scaled.rounded()
            guard abs(scaled - numerator) <= 1e-9 * max(1, scaled) else { continue }
            let a = Int64(numerator)
            if a == 0 { return 1 }
            let whole = denominator * rate
            return whole / greatestCommonDivisor(a, whole)
        }
        return nil
    }

    static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}

extension Noise {
    /// Noise repeats every 655,360 samples (2^17 · 5): a whole number of AAC frames (1024
    /// samples) and of 20 ms G.711 packets at every rate camsim sends, so its encoded units
    /// repeat too. That is 13.65 s at 48 kHz, 14.86 s at 44.1 kHz, 40.96 s at 16 kHz and
    /// 81.92 s at 8 kHz: long enough to sound like white noise.
    public static let period: Int64 = 655_360
}
