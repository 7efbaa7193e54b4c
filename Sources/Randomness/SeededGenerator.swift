/// A small, fast, seedable pseudo-random generator (SplitMix64). Every random choice
/// camsim makes (SSRCs, sequence bases, noise, fault decisions) draws from one of these,
/// so the same seed gives the same packets.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator seeded from the system's entropy, for when no seed is configured.
    public static func fromEntropy() -> SeededGenerator {
        var system = SystemRandomNumberGenerator()
        return SeededGenerator(seed: system.next())
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed Double in [0, 1).
    @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A new generator derived from this seed and a label, so that independent
    /// consumers (each viewer, each fault) get independent, reproducible streams.
    public static func derived(from seed: UInt64, _ label: String) -> SeededGenerator {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the label
        for byte in label.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SeededGenerator(seed: seed ^ hash)
        return SeededGenerator(seed: mixer.next())
    }
}
