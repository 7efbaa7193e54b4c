import Randomness

/// Decides the fate of each packet sent to one viewer. A pure, seeded state
/// machine: the same profile, seed and sequence of calls give the same fates.
///
/// Stages, in order, for a packet offered at `now`:
/// 1. **outage** — inside the outage window nothing passes;
/// 2. **burst loss** (Gilbert–Elliott) then **random loss**;
/// 3. **bandwidth** — the token bucket gives the time the packet leaves the
///    link, or drops it when the queue is full;
/// 4. **delay + jitter** added to that time; unless `allowReorder`, clamped to
///    at least the previous packet's departure;
/// 5. **reorder** — a chosen packet is held back further;
/// 6. **duplicate** — a second copy leaves at the same time, after the first;
/// 7. **corrupt** — the first copy gets payload bits flipped.
///
/// Each fault draws from its own generator derived from the seed, so turning
/// one fault on or off does not change the decisions of the others.
/// Elapsed time (for the outage) is measured from `origin`, or from the first
/// decided packet when no origin was given.
public struct NetworkFaultModel: Sendable {
    public private(set) var profile: NetworkFaultProfile
    public private(set) var counters = NetworkFaultCounters()
    public private(set) var origin: Int64?

    private var lossRate: Double = 0
    private var channel: GilbertElliottChannel?
    private var delayModel: DelayModel?
    private var allowReorder = false
    private var reorder: ReorderSpec?
    private var duplicateRate: Double = 0
    private var corruption: CorruptionSpec?
    private var bucket: TokenBucket?
    private var applyToRTCP = true
    private var lastInOrder: Int64 = .min

    private var lossRNG: SeededGenerator
    private var burstRNG: SeededGenerator
    private var delayRNG: SeededGenerator
    private var reorderRNG: SeededGenerator
    private var duplicateRNG: SeededGenerator
    private var corruptRNG: SeededGenerator

    public init(profile: NetworkFaultProfile, seed: UInt64, origin: Int64? = nil) {
        self.profile = profile
        self.origin = origin
        lossRNG = .derived(from: seed, "net.loss")
        burstRNG = .derived(from: seed, "net.burst")
        delayRNG = .derived(from: seed, "net.delay")
        reorderRNG = .derived(from: seed, "net.reorder")
        duplicateRNG = .derived(from: seed, "net.duplicate")
        corruptRNG = .derived(from: seed, "net.corrupt")
        configure(profile, keepingState: false)
    }

    /// Switches to another profile (e.g. when a schedule entry begins), keeping
    /// the generators, counters, origin, the burst-loss state when its
    /// parameters are unchanged, and the bucket when its settings are unchanged.
    public mutating func setProfile(_ profile: NetworkFaultProfile) {
        guard profile != self.profile else { return }
        self.profile = profile
        configure(profile, keepingState: true)
    }

    private mutating func configure(_ profile: NetworkFaultProfile, keepingState: Bool) {
        lossRate = min(1, max(0, profile.loss ?? 0))
        if let parameters = profile.burstLoss, parameters.stationaryLoss > 0 {
            if !(keepingState && channel?.parameters == parameters) { channel = GilbertElliottChannel(parameters) }
        } else {
            channel = nil
        }
        let delay = DelayModel(
            delay: profile.delay ?? 0,
            jitter: profile.jitter ?? 0,
            distribution: profile.jitterDistribution ?? .normal
        )
        delayModel = delay.isActive ? delay : nil
        allowReorder = profile.allowReorder ?? false
        reorder = profile.reorder.flatMap { $0.probability > 0 ? $0 : nil }
        duplicateRate = min(1, max(0, profile.duplicate ?? 0))
        corruption = profile.corrupt.flatMap { $0.probability > 0 && $0.bits > 0 ? $0 : nil }
        if let spec = profile.bandwidth, spec.rate > 0 {
            let same = keepingState && bucket?.rate == spec.rate
                && bucket?.burst == (spec.burst ?? BandwidthSpec.defaultBurst)
                && bucket?.queueLimit == spec.queueBytes
            if !same {
                bucket = TokenBucket(rate: spec.rate, burst: spec.burst ?? BandwidthSpec.defaultBurst,
                                     queueLimit: spec.queueBytes)
            }
        } else {
            bucket = nil
        }
        applyToRTCP = profile.applyToRTCP ?? true
    }

    /// The fate of `packet`, offered for sending at `now` (nanoseconds, monotonic).
    public mutating func decide(packet: PacketInfo, at now: Int64) -> PacketFate {
        if origin == nil { origin = now }
        let isRTCP = packet.kind == .rtcp
        let impaired = !isRTCP || applyToRTCP

        if let outage = profile.outage, outage.isActive(at: now - (origin ?? now)) {
            counters.droppedOutage += 1
            return .dropped
        }
        if impaired {
            if channel != nil, channel!.nextIsLost(using: &burstRNG) {
                counters.droppedBurst += 1
                return .dropped
            }
            if lossRate > 0, lossRNG.nextUnit() < lossRate {
                counters.droppedRandom += 1
                return .dropped
            }
        }

        var departure = now
        if bucket != nil {
            guard let leaves = bucket!.admit(size: packet.size, at: now) else {
                counters.droppedQueue += 1
                return .dropped
            }
            departure = leaves
        }

        var held = false
        if impaired {
            if delayModel != nil {
                departure += delayModel!.sample(using: &delayRNG)
            }
            if !allowReorder {
                departure = max(departure, lastInOrder)
            }
            if let reorder {
                let candidate = reorder.gap <= 0 || (packet.index + 1) % reorder.gap == 0
                if candidate, reorderRNG.nextUnit() < reorder.probability {
                    held = true
                    counters.reordered += 1
                }
            }
            if held {
                departure += reorder?.hold ?? 0
            } else if departure > lastInOrder {
                lastInOrder = departure
            }
        }

        var first = Departure(at: departure)
        if !isRTCP, let corruption, corruptRNG.nextUnit() < corruption.probability {
            first.corruptBitOffsets = Self.bitOffsets(
                count: corruption.bits, size: packet.size,
                protectedBytes: corruption.protectedBytes, rng: &corruptRNG
            )
            if !first.corruptBitOffsets.isEmpty { counters.corrupted += 1 }
        }

        if departure > now { counters.delayed += 1 }
        counters.passed += 1
        if impaired, duplicateRate > 0, duplicateRNG.nextUnit() < duplicateRate {
            counters.duplicated += 1
            return PacketFate(copies: [first, Departure(at: departure)])
        }
        return PacketFate(copies: [first])
    }

    /// `count` distinct bit offsets after the protected bytes, in increasing order.
    static func bitOffsets(count: Int, size: Int, protectedBytes: Int, rng: inout SeededGenerator) -> [Int] {
        let firstBit = max(0, protectedBytes) * 8
        let available = size * 8 - firstBit
        guard available > 0 else { return [] }
        let wanted = min(count, available)
        var offsets: [Int] = []
        offsets.reserveCapacity(wanted)
        while offsets.count < wanted {
            let bit = firstBit + Int(rng.next() % UInt64(available))
            if !offsets.contains(bit) { offsets.append(bit) }
        }
        offsets.sort()
        return offsets
    }
}
