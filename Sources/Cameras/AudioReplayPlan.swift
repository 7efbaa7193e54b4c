/// How a periodic signal's encoded units are made once and replayed: a signal that repeats
/// every P samples, cut into units of U samples, repeats its units every
/// lcm(P, U) / U = P / gcd(P, U) units (the av-sync beep at 48 kHz in AAC frames: 750 units,
/// 16 s; a 1 kHz tone: 3 units). Unit k of any stream is then entry `index(ofUnit: k)` of
/// one table.
///
/// The table is recorded from one encoder run from sample 0: it warms up for at least
/// `warmUpSeconds`, then records the `unitsPerPeriod` units from `firstUnit`, so the unit that
/// follows the table's last entry when it wraps (its first) was encoded after the same signal
/// the wrap plays before it. `firstUnit` falls on the seam unit (the quietest boundary of the
/// period, `AudioReplaySeam`), so the wrap is where the signal is least exposed.
public struct AudioReplayPlan: Hashable, Sendable {
    /// Samples per channel in one unit.
    public let samplesPerUnit: Int64
    /// Units in one period of the encoded stream (the table's length).
    public let unitsPerPeriod: Int64
    /// The first unit recorded; the encoder runs from unit 0 up to it to warm up.
    public let firstUnit: Int64

    /// The longest table, in seconds of media: signals with a longer unit period are encoded
    /// live. 90 s holds the noise's period at 8 kHz and a 40 s AAC sweep period.
    public static let maximumSeconds: Int64 = 90
    /// The least media the encoder runs before the table starts.
    public static let warmUpSeconds: Int64 = 1

    /// The plan for a signal of period `signalPeriod` samples at `rate` Hz in units of
    /// `samplesPerUnit`, the table starting on `seamUnit` (taken modulo the unit period); nil
    /// when the unit period is longer than `maximumSeconds`.
    public init?(signalPeriod: Int64, samplesPerUnit: Int, rate: Int, seamUnit: Int64 = 0) {
        guard signalPeriod > 0, samplesPerUnit > 0, rate > 0 else { return nil }
        let unit = Int64(samplesPerUnit)
        let units = signalPeriod / Self.greatestCommonDivisor(signalPeriod, unit)
        // units · unit ≤ maximumSeconds · rate, without overflow.
        guard units <= Self.maximumSeconds * Int64(rate) / unit else { return nil }
        self.samplesPerUnit = unit
        unitsPerPeriod = units
        let warmUp = (Self.warmUpSeconds * Int64(rate) + unit - 1) / unit
        let seam = Self.modulo(seamUnit, units)
        // The first unit at or after the warm-up that is the seam unit modulo the period.
        firstUnit = warmUp + Self.modulo(seam - warmUp, units)
    }

    /// Units the recording encoder makes: the warm-up and one period.
    public var unitsToEncode: Int64 { firstUnit + unitsPerPeriod }

    /// The table entry of unit `unit` of a stream (any unit, from its origin).
    public func index(ofUnit unit: Int64) -> Int {
        Int(Self.modulo(unit, unitsPerPeriod))
    }

    /// The table entry of the unit starting at sample `firstSample`.
    public func index(ofSample firstSample: Int64) -> Int {
        index(ofUnit: Self.floorDivide(firstSample, samplesPerUnit))
    }

    /// The recorded unit (from `firstUnit`) that fills entry `entry`.
    public func recordedUnit(forEntry entry: Int) -> Int64 {
        firstUnit + Self.modulo(Int64(entry) - firstUnit, unitsPerPeriod)
    }

    static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    static func modulo(_ n: Int64, _ m: Int64) -> Int64 {
        let r = n % m
        return r < 0 ? r + m : r
    }

    static func floorDivide(_ n: Int64, _ m: Int64) -> Int64 {
        let q = n / m
        return (n % m != 0 && (n < 0) != (m < 0)) ? q - 1 : q
    }
}
