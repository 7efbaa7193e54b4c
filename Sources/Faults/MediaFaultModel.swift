import Randomness

/// What the server tells the media model about one access unit.
public struct FrameInfo: Sendable, Equatable {
    /// Frame counter of the stream (or viewer), from 0.
    public var index: Int
    public var isIDR: Bool
    public var rtpTimestamp: UInt32

    public init(index: Int, isIDR: Bool, rtpTimestamp: UInt32) {
        self.index = index
        self.isIDR = isIDR
        self.rtpTimestamp = rtpTimestamp
    }
}

/// Why a frame is not sent.
public enum FrameDropCause: Sendable, Equatable, Hashable {
    /// Random frame loss.
    case random
    /// The every-N-th rule.
    case everyNth
    /// An IDR was lost; this frame is it or depends on it.
    case idrLoss
    /// A freeze is in progress: RTP stops, RTCP goes on.
    case freeze
}

/// The media model's verdict on one frame.
public enum FrameFate: Sendable, Equatable, Hashable {
    /// Send as encoded.
    case send
    /// Send, but with the previous frame's picture (a frozen image that keeps flowing).
    case repeatPrevious
    /// Send no RTP for this frame.
    case drop(FrameDropCause)
}

/// Running totals of a media model.
public struct MediaFaultCounters: Sendable, Equatable {
    public var sent = 0
    public var repeated = 0
    public var dropped: [FrameDropCause: Int] = [:]

    public init() {}

    public static func + (lhs: MediaFaultCounters, rhs: MediaFaultCounters) -> MediaFaultCounters {
        var sum = lhs
        sum.sent += rhs.sent
        sum.repeated += rhs.repeated
        for (cause, count) in rhs.dropped { sum.dropped[cause, default: 0] += count }
        return sum
    }
}

/// Decides per frame, and answers the "describe" faults as pure functions of
/// elapsed time. Seeded like ``NetworkFaultModel``.
public struct MediaFaultModel: Sendable {
    public let profile: MediaFaultProfile
    public let seed: UInt64
    public private(set) var origin: Int64?
    public private(set) var counters = MediaFaultCounters()

    private var dropRNG: SeededGenerator
    private var idrRNG: SeededGenerator
    private var losingGOP = false

    public init(profile: MediaFaultProfile, seed: UInt64, origin: Int64? = nil) {
        self.profile = profile
        self.seed = seed
        self.origin = origin
        dropRNG = .derived(from: seed, "media.drop")
        idrRNG = .derived(from: seed, "media.idr")
    }

    /// The fate of `frame`, produced at `now` (nanoseconds, monotonic).
    ///
    /// Freezes win over everything, then the frozen picture, then IDR loss
    /// (which also swallows the frames that follow until the next IDR), the
    /// every-N-th rule and random drops.
    public mutating func decide(frame: FrameInfo, at now: Int64) -> FrameFate {
        if origin == nil { origin = now }
        let elapsed = now - (origin ?? now)
        let fate = fate(of: frame, elapsed: elapsed)
        switch fate {
        case .send: counters.sent += 1
        case .repeatPrevious: counters.repeated += 1
        case .drop(let cause): counters.dropped[cause, default: 0] += 1
        }
        return fate
    }

    private mutating func fate(of frame: FrameInfo, elapsed: Int64) -> FrameFate {
        if let freeze = profile.freeze, freeze.isActive(at: elapsed) { return .drop(.freeze) }
        if let dropIDR = profile.dropIDR, dropIDR > 0 {
            if frame.isIDR { losingGOP = idrRNG.nextUnit() < dropIDR }
            if losingGOP { return .drop(.idrLoss) }
        }
        if let frozen = profile.frozenPicture, frozen.isActive(at: elapsed) { return .repeatPrevious }
        if let every = profile.dropEvery, every > 0, (frame.index + 1) % every == 0 { return .drop(.everyNth) }
        if let rate = profile.dropFrames, rate > 0, dropRNG.nextUnit() < rate { return .drop(.random) }
        return .send
    }

    // MARK: Described faults (pure functions of elapsed time)

    /// Whether a joining viewer must wait for the next regular IDR.
    public var suppressesIDROnJoin: Bool { profile.suppressIDROnJoin ?? false }

    /// Whether in-band SPS/PPS are to be removed.
    public var stripsParameterSets: Bool { profile.stripParameterSets ?? false }

    /// The GOP length to use instead of the stream's, if any.
    public var gopOverride: Int? { profile.gopOverride }

    /// The picture size in force at `elapsed`, or nil for the configured one.
    public func resolution(at elapsed: Int64) -> (width: Int, height: Int)? {
        profile.resolution(at: elapsed)
    }

    /// What to add to RTP timestamps at `elapsed`, in ticks of `clockRate` Hz
    /// (0 before the jump). The sender adds it modulo 2³².
    public func rtpTimestampOffset(at elapsed: Int64, clockRate: Int) -> Int64 {
        guard let jump = profile.timestampJump, elapsed >= jump.at else { return 0 }
        // ticks = offset[ns] × clockRate / 10⁹, rounded toward zero.
        return jump.offset * Int64(clockRate) / FaultTime.second
    }

    /// What to add to an audio track's RTP timestamps at `elapsed`, in ticks of
    /// `clockRate` Hz: `audio_offset`, plus `audio_drift_ppm` of the time elapsed. Sender
    /// reports keep the true mapping (RFC 3550 §6.4.1), so a client that lip-syncs by them
    /// hears the audio that much late (positive) or early.
    public func audioTimestampShift(at elapsed: Int64, clockRate: Int) -> Int64 {
        let offset = profile.audioOffset ?? 0
        let drift = profile.audioDriftPPM.map { Int64((Double(max(0, elapsed)) * $0 / 1e6).rounded()) } ?? 0
        // ticks = nanoseconds × clockRate / 10⁹; both terms stay far below 2⁶³ / clockRate.
        return (offset + drift) * Int64(clockRate) / FaultTime.second
    }

    /// The NTP time to put in a sender report: the true wall time plus the drift
    /// accumulated since the stream started, `sinceStart × ppm / 10⁶`.
    public func driftedNTP(wallNanos: Int64, sinceStart: Int64) -> Int64 {
        guard let ppm = profile.rtcpDriftPPM, ppm != 0 else { return wallNanos }
        return wallNanos + Int64((Double(sinceStart) * ppm / 1e6).rounded())
    }

    /// The frame rate to announce when the stream really runs at `real`.
    public func declaredFrameRate(real: Double) -> Double { profile.declaredFrameRate ?? real }

    /// The SSRC in force at `elapsed`: `base` before the change, afterwards a
    /// different value derived from the seed and `base`.
    public func ssrc(base: UInt32, at elapsed: Int64) -> UInt32 {
        guard let at = profile.ssrcChangeAt, elapsed >= at else { return base }
        var rng = SeededGenerator.derived(from: seed ^ UInt64(base), "media.ssrc")
        var value = UInt32(truncatingIfNeeded: rng.next())
        while value == base { value = UInt32(truncatingIfNeeded: rng.next()) }
        return value
    }

    /// The RTP payload type in force at `elapsed`.
    public func payloadType(base: UInt8, at elapsed: Int64) -> UInt8 {
        guard let change = profile.payloadTypeChange, elapsed >= change.at else { return base }
        return change.payloadType
    }
}
