import Foundation

/// A frame rate as an exact fraction (30000/1001 for 29.97), so that frame times never drift.
public struct FrameRate: Sendable, Hashable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(numerator: Int, denominator: Int = 1) {
        precondition(numerator > 0 && denominator > 0, "frame rate must be positive")
        let divisor = FrameRate.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// The nearest fraction with denominator 1001 (NTSC rates) or 1000.
    public init(_ framesPerSecond: Double) {
        precondition(framesPerSecond > 0 && framesPerSecond.isFinite, "frame rate must be positive")
        let ntsc = (framesPerSecond * 1001 / 1000).rounded()
        if framesPerSecond != framesPerSecond.rounded(), abs(ntsc * 1000 / 1001 - framesPerSecond) < 0.0005 {
            self.init(numerator: Int(ntsc) * 1000, denominator: 1001)
        } else {
            self.init(numerator: Int((framesPerSecond * 1000).rounded()), denominator: 1000)
        }
    }

    public var framesPerSecond: Double { Double(numerator) / Double(denominator) }

    /// Nanoseconds from the first frame to frame `index`, exact to the nanosecond.
    public func nanoseconds(untilFrame index: Int64) -> Int64 {
        Int64(truncatingIfNeeded: (Int128(index) * 1_000_000_000 * Int128(denominator)) / Int128(numerator))
    }

    /// The index of the last frame due at or before `nanoseconds` after the first.
    public func frameIndex(atNanoseconds nanoseconds: Int64) -> Int64 {
        guard nanoseconds >= 0 else { return 0 }
        return Int64(truncatingIfNeeded: (Int128(nanoseconds) * Int128(numerator)) / (1_000_000_000 * Int128(denominator)))
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : String(format: "%.3f", framesPerSecond)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
