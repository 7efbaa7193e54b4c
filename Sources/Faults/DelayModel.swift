import Foundation
import Randomness

/// How jitter is distributed around the base delay.
public enum JitterDistribution: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Gaussian with standard deviation = jitter (netem's `distribution normal`).
    case normal
    /// Uniform on [delay − jitter, delay + jitter] (netem's default without a table);
    /// its standard deviation is jitter / √3.
    case uniform
}

/// Samples one-way delays: base delay plus jitter, never negative.
///
/// The normal samples use the Box–Muller transform
/// z = √(−2 ln u₁) · cos(2π u₂) (with the sine branch kept for the next call),
/// from two uniform draws of the seeded generator.
public struct DelayModel: Sendable {
    public let delay: Int64
    public let jitter: Int64
    public let distribution: JitterDistribution
    private var spare: Double?

    public init(delay: Int64, jitter: Int64, distribution: JitterDistribution) {
        self.delay = max(0, delay)
        self.jitter = max(0, jitter)
        self.distribution = distribution
    }

    /// Whether this model ever adds delay.
    public var isActive: Bool { delay > 0 || jitter > 0 }

    /// One delay in nanoseconds (≥ 0). Values that jitter would make negative are clamped to 0.
    public mutating func sample(using rng: inout SeededGenerator) -> Int64 {
        guard jitter > 0 else { return delay }
        let offset: Double
        switch distribution {
        case .uniform:
            offset = (rng.nextUnit() * 2 - 1) * Double(jitter)
        case .normal:
            offset = standardNormal(using: &rng) * Double(jitter)
        }
        let value = Double(delay) + offset
        return value <= 0 ? 0 : Int64(value.rounded())
    }

    private mutating func standardNormal(using rng: inout SeededGenerator) -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        let u1 = 1 - rng.nextUnit()  // (0, 1]: keeps the logarithm finite
        let u2 = rng.nextUnit()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spare = radius * sin(angle)
        return radius * cos(angle)
    }
}
