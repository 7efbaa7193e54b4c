import Randomness

/// Parameters of the Gilbert–Elliott two-state burst-loss channel.
///
/// The channel is a Markov chain with a *good* and a *bad* state. Before each
/// packet it is in one state; the packet is lost with the loss probability of
/// that state, then the chain moves:
///
/// - `p` = P(good → bad), `r` = P(bad → good);
/// - `k` = P(delivered | good), so a packet is lost in good with `1 - k`;
/// - `h` = P(delivered | bad), so a packet is lost in bad with `1 - h`.
///
/// (This is the naming of Gilbert 1960 / Elliott 1963 used by Linux netem's
/// `loss gemodel p r 1-h 1-k`.) The chain spends the stationary fractions
/// π_bad = p / (p + r) and π_good = r / (p + r) of packets in each state, so the
/// long-run loss rate is
///
///     loss = p/(p+r) · (1 − h) + r/(p+r) · (1 − k)
///
/// and a stay in the bad state lasts 1/r packets on average (geometric).
///
/// The *simple Gilbert* special case (k = 1, h = 0: nothing is lost in good,
/// everything in bad) is described by a loss rate L and a mean burst length B:
/// bursts of losses are exactly the stays in the bad state, so
///
///     r = 1 / B          and          p = L · r / (1 − L)
///
/// which follows from L = p / (p + r) solved for p.
public struct GilbertElliottParameters: Sendable, Equatable, Hashable {
    /// P(good → bad) before each packet.
    public var p: Double
    /// P(bad → good) before each packet.
    public var r: Double
    /// P(delivered | good). Loss in good is `1 - k`. Default 1.
    public var k: Double
    /// P(delivered | bad). Loss in bad is `1 - h`. Default 0.
    public var h: Double

    public init(p: Double, r: Double, k: Double = 1, h: Double = 0) {
        self.p = p
        self.r = r
        self.k = k
        self.h = h
    }

    /// The simple Gilbert channel with long-run `lossRate` (0..<1) and bursts of
    /// `meanBurst` packets on average (≥ 1); nil when no such channel exists
    /// (p would exceed 1).
    public init?(lossRate: Double, meanBurst: Double) {
        guard lossRate >= 0, lossRate < 1, meanBurst >= 1, lossRate.isFinite, meanBurst.isFinite else {
            return nil
        }
        let r = 1 / meanBurst
        let p = lossRate * r / (1 - lossRate)
        guard p <= 1 else { return nil }
        self.init(p: p, r: r, k: 1, h: 0)
    }

    /// Long-run fraction of packets in the bad state: p / (p + r).
    public var stationaryBad: Double {
        p + r > 0 ? p / (p + r) : 0
    }

    /// Long-run loss rate: π_bad·(1 − h) + π_good·(1 − k).
    public var stationaryLoss: Double {
        let bad = stationaryBad
        return bad * (1 - h) + (1 - bad) * (1 - k)
    }

    /// Mean number of consecutive packets sent in the bad state: 1 / r.
    public var meanBadSojourn: Double { r > 0 ? 1 / r : .infinity }

    /// A description of what is wrong, or nil when every parameter is a probability
    /// and the chain can leave the bad state.
    public var problem: String? {
        for (name, value) in [("p", p), ("r", r), ("k", k), ("h", h)] where !(0...1).contains(value) {
            return "\(name) must be between 0 and 1 (got \(value))"
        }
        if r == 0 && p > 0 { return "r must be greater than 0, or the channel never leaves the bad state" }
        return nil
    }
}

/// The running state of one Gilbert–Elliott channel.
public struct GilbertElliottChannel: Sendable {
    public let parameters: GilbertElliottParameters
    /// Whether the channel is in the bad state for the next packet.
    public private(set) var isBad: Bool = false
    private let lossGood: Double
    private let lossBad: Double

    /// Starts in the good state.
    public init(_ parameters: GilbertElliottParameters) {
        self.parameters = parameters
        lossGood = 1 - parameters.k
        lossBad = 1 - parameters.h
    }

    /// Decides one packet: lost in the current state's loss probability, then
    /// the state moves. Draws only where the outcome is not certain.
    public mutating func nextIsLost(using rng: inout SeededGenerator) -> Bool {
        let loss = isBad ? lossBad : lossGood
        let lost: Bool
        if loss <= 0 {
            lost = false
        } else if loss >= 1 {
            lost = true
        } else {
            lost = rng.nextUnit() < loss
        }
        let move = isBad ? parameters.r : parameters.p
        if move > 0, rng.nextUnit() < move { isBad.toggle() }
        return lost
    }
}
