/// Failed attempts from one client address: the count that slows answers down, decaying
/// with time; the lockout it may lead to; and how many correct answers the reject-first
/// fault has refused.
struct AddressFailures: Sendable {
    var failures = 0
    var lastFailure: Int64 = 0
    var lockedUntil: Int64?
    var correctRefused = 0

    /// The count after one failure per `decayInterval` since the last has been forgiven.
    func count(at now: Int64, decayInterval: Int64) -> Int {
        guard failures > 0 else { return 0 }
        let forgiven = Int(max(0, now - lastFailure) / decayInterval)
        return max(0, failures - forgiven)
    }

    mutating func recordFailure(at now: Int64, decayInterval: Int64) {
        failures = count(at: now, decayInterval: decayInterval) + 1
        lastFailure = now
    }

    /// Whether nothing is worth keeping: no failures left, no lockout, no refusals.
    func isIdle(at now: Int64, decayInterval: Int64) -> Bool {
        count(at: now, decayInterval: decayInterval) == 0 && (lockedUntil ?? 0) <= now && correctRefused == 0
    }
}

/// How failures slow the answers: from `threshold` failures on, each 401 waits
/// `base` × 2^(failures − threshold), at most `maximum`; one failure is forgiven per
/// `decayInterval`.
public struct AuthBackoff: Hashable, Sendable {
    public var threshold: Int
    public var base: Int64
    public var maximum: Int64
    public var decayInterval: Int64

    public init(
        threshold: Int = 5, base: Int64 = 250_000_000, maximum: Int64 = 4_000_000_000,
        decayInterval: Int64 = 10_000_000_000
    ) {
        self.threshold = threshold
        self.base = base
        self.maximum = maximum
        self.decayInterval = decayInterval
    }

    /// The delay before a 401 to an address with `failures` failures.
    public func delay(failures: Int) -> Int64 {
        guard failures >= threshold else { return 0 }
        let shift = min(failures - threshold, 16)
        return min(maximum, base << shift)
    }
}
