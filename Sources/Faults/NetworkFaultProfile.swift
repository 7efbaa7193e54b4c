/// The network faults of one profile: what happens to each RTP/RTCP packet on
/// its way to a viewer. Every field is optional: nil means "not set here", so
/// profiles can be layered with ``merged(with:)``; an unset fault is off.
///
/// Times are nanoseconds; probabilities are fractions in 0...1.
public struct NetworkFaultProfile: Sendable, Equatable, Hashable {
    /// Independent random loss: each packet is dropped with this probability.
    public var loss: Double?
    /// Bursty loss from a Gilbert–Elliott channel (see ``GilbertElliottParameters``).
    public var burstLoss: GilbertElliottParameters?
    /// Base one-way delay added to every packet.
    public var delay: Int64?
    /// Jitter around the base delay: the standard deviation (normal) or the
    /// half-width (uniform) of the added variation.
    public var jitter: Int64?
    /// Shape of the jitter; default ``JitterDistribution/normal``.
    public var jitterDistribution: JitterDistribution?
    /// Whether jitter may reorder packets. Default false, unlike netem: each
    /// departure is then raised to at least the previous packet's, so jitter
    /// only bunches packets up. True behaves like netem, where a packet with
    /// less jitter overtakes one with more.
    public var allowReorder: Bool?
    /// Explicit reordering (see ``ReorderSpec``).
    public var reorder: ReorderSpec?
    /// Each packet is sent twice with this probability.
    public var duplicate: Double?
    /// Payload bit flips (see ``CorruptionSpec``).
    public var corrupt: CorruptionSpec?
    /// A token-bucket link with a queue (see ``BandwidthSpec``).
    public var bandwidth: BandwidthSpec?
    /// A time during which nothing passes, measured from the model's origin.
    public var outage: FaultWindow?
    /// Whether loss, delay, reordering and duplication also hit RTCP. Default true.
    /// Outages and the bandwidth cap always apply to RTCP (it shares the link);
    /// corruption never does (see ``CorruptionSpec``).
    public var applyToRTCP: Bool?

    public init(
        loss: Double? = nil,
        burstLoss: GilbertElliottParameters? = nil,
        delay: Int64? = nil,
        jitter: Int64? = nil,
        jitterDistribution: JitterDistribution? = nil,
        allowReorder: Bool? = nil,
        reorder: ReorderSpec? = nil,
        duplicate: Double? = nil,
        corrupt: CorruptionSpec? = nil,
        bandwidth: BandwidthSpec? = nil,
        outage: FaultWindow? = nil,
        applyToRTCP: Bool? = nil
    ) {
        self.loss = loss
        self.burstLoss = burstLoss
        self.delay = delay
        self.jitter = jitter
        self.jitterDistribution = jitterDistribution
        self.allowReorder = allowReorder
        self.reorder = reorder
        self.duplicate = duplicate
        self.corrupt = corrupt
        self.bandwidth = bandwidth
        self.outage = outage
        self.applyToRTCP = applyToRTCP
    }

    /// This profile with every field that `later` sets replaced by `later`'s value.
    public func merged(with later: NetworkFaultProfile) -> NetworkFaultProfile {
        NetworkFaultProfile(
            loss: later.loss ?? loss,
            burstLoss: later.burstLoss ?? burstLoss,
            delay: later.delay ?? delay,
            jitter: later.jitter ?? jitter,
            jitterDistribution: later.jitterDistribution ?? jitterDistribution,
            allowReorder: later.allowReorder ?? allowReorder,
            reorder: later.reorder ?? reorder,
            duplicate: later.duplicate ?? duplicate,
            corrupt: later.corrupt ?? corrupt,
            bandwidth: later.bandwidth ?? bandwidth,
            outage: later.outage ?? outage,
            applyToRTCP: later.applyToRTCP ?? applyToRTCP
        )
    }

    /// True when no field is set.
    public var isEmpty: Bool { self == NetworkFaultProfile() }
}

/// Explicit reordering: a chosen packet is held back so that later packets overtake it.
///
/// Each packet is a candidate (with `gap` = N > 0, only every N-th packet is,
/// like netem's `gap`); a candidate is chosen with `probability` and leaves
/// `hold` later than it otherwise would. It is left out of the in-order
/// clamp of `allowReorder: false`, so the packets after it keep their timing
/// and arrive first: with packets spaced Δ apart it lands about hold/Δ places late.
///
/// This mirrors netem's `reorder`, which instead sends the chosen packet at once
/// and delays the others; holding the chosen one back needs no base delay.
public struct ReorderSpec: Sendable, Equatable, Hashable {
    /// Chance that a candidate packet is held back.
    public var probability: Double
    /// Extra time a held packet waits. Default 20 ms.
    public var hold: Int64
    /// Only every `gap`-th packet is a candidate; 0 makes every packet one.
    public var gap: Int

    public static let defaultHold: Int64 = 20 * FaultTime.millisecond

    public init(probability: Double, hold: Int64 = ReorderSpec.defaultHold, gap: Int = 0) {
        self.probability = probability
        self.hold = hold
        self.gap = gap
    }
}

/// Payload bit corruption: with `probability` a packet leaves with `bits`
/// distinct bits flipped.
///
/// The first `protectedBytes` (default 12, the fixed RTP header) are never
/// touched, so receivers still recognise the stream (SSRC, sequence number,
/// timestamp stay intact) and the damage reaches the decoder instead of being
/// discarded as a foreign packet. RTCP is never corrupted. Set
/// `protectedBytes` to 0 to corrupt headers too.
public struct CorruptionSpec: Sendable, Equatable, Hashable {
    public var probability: Double
    /// Bits flipped in a corrupted packet (≥ 1). Default 1.
    public var bits: Int
    /// Leading bytes left alone. Default 12.
    public var protectedBytes: Int

    public static let rtpHeaderBytes = 12

    public init(probability: Double, bits: Int = 1, protectedBytes: Int = CorruptionSpec.rtpHeaderBytes) {
        self.probability = probability
        self.bits = bits
        self.protectedBytes = protectedBytes
    }
}

/// A bandwidth cap: a token bucket of `rate` bits/s and `burst` bytes, with a
/// queue of at most `queue` in front of it (see ``TokenBucket``).
public struct BandwidthSpec: Sendable, Equatable, Hashable {
    /// How big the queue in front of the bucket may grow.
    public enum QueueLimit: Sendable, Equatable, Hashable {
        case bytes(Int)
        /// As much as the link drains in this time: rate × time / 8 bytes.
        case time(Int64)
    }

    /// Link rate in bits per second.
    public var rate: Int64
    /// Bucket depth in bytes; nil means ``defaultBurst``.
    public var burst: Int?
    /// Queue limit; nil means ``defaultQueue``.
    public var queue: QueueLimit?

    /// One full Ethernet frame: 1500 bytes.
    public static let defaultBurst = 1500
    /// 200 ms of the link rate.
    public static let defaultQueue = QueueLimit.time(200 * FaultTime.millisecond)

    public init(rate: Int64, burst: Int? = nil, queue: QueueLimit? = nil) {
        self.rate = rate
        self.burst = burst
        self.queue = queue
    }

    /// The queue limit in bytes (at least one 1500-byte packet).
    public var queueBytes: Int {
        switch queue ?? Self.defaultQueue {
        case .bytes(let bytes):
            return max(0, bytes)
        case .time(let nanos):
            let bytes = Double(rate) * Double(nanos) / 8e9
            return max(1500, Int(bytes.rounded()))
        }
    }
}
