import Randomness

/// Small pure deciders for the control-plane faults of one camera.
///
/// Times passed in are absolute (monotonic nanoseconds); elapsed time is
/// measured from `origin`, the camera's start. Reboots come from the profile's
/// `reboot` window and from `reboot` entries of the schedule's timeline.
public struct ControlFaultModel: Sendable {
    public let profile: ControlFaultProfile
    public let schedule: FaultSchedule?
    public let origin: Int64
    private var jitterRNG: SeededGenerator

    public init(profile: ControlFaultProfile, schedule: FaultSchedule? = nil, seed: UInt64, origin: Int64) {
        self.profile = profile
        self.schedule = schedule
        self.origin = origin
        jitterRNG = .derived(from: seed, "control.jitter")
    }

    private func elapsed(_ now: Int64) -> Int64 { now - origin }

    /// How many reboots have begun by `now`: the camera's epoch. Identity (SSRC,
    /// sequence and timestamp bases) is re-derived whenever it changes.
    public func rebootCount(at now: Int64) -> Int {
        let e = elapsed(now)
        return (profile.reboot?.occurrences(through: e) ?? 0) + (schedule?.rebootCount(at: e) ?? 0)
    }

    /// True while the camera is offline or rebooting: refuse connections and
    /// drop every session.
    public func isDown(at now: Int64) -> Bool {
        if profile.offline == true { return true }
        let e = elapsed(now)
        if profile.reboot?.isActive(at: e) == true { return true }
        return schedule?.isRebooting(at: e) ?? false
    }

    /// A seed for the camera's identity in the epoch at `now`: `base` itself
    /// before any reboot, a value derived from `base` and the epoch after.
    public func identitySeed(base: UInt64, at now: Int64) -> UInt64 {
        let epoch = rebootCount(at: now)
        guard epoch > 0 else { return base }
        var rng = SeededGenerator.derived(from: base, "control.reboot.\(epoch)")
        return rng.next()
    }

    /// The status to answer `method` with instead of the normal response, or nil.
    public func responseOverride(for method: String, at now: Int64) -> Int? {
        guard let overrides = profile.statusOverrides, !overrides.isEmpty else { return nil }
        return overrides[method.uppercased()]
    }

    /// 461 when SETUP asks for a refused transport, else nil.
    public func transportRefusal(_ transport: TransportKind) -> Int? {
        profile.deniedTransports?.contains(transport) == true ? ControlFaultProfile.unsupportedTransportStatus : nil
    }

    /// The status refusing one more viewer when `currentViewers` are already
    /// watching, or nil when there is room.
    public func admissionRefusal(currentViewers: Int) -> Int? {
        guard let limit = profile.maxViewers, currentViewers >= limit else { return nil }
        return profile.maxViewersStatus ?? ControlFaultProfile.defaultMaxViewersStatus
    }

    /// How long to wait before sending the next RTSP response (≥ 0):
    /// the delay plus uniform jitter in ±`responseJitter`.
    public mutating func responseDelay(at now: Int64) -> Int64 {
        let base = profile.responseDelay ?? 0
        guard let jitter = profile.responseJitter, jitter > 0 else { return max(0, base) }
        let offset = (jitterRNG.nextUnit() * 2 - 1) * Double(jitter)
        return max(0, base + Int64(offset.rounded()))
    }

    /// When to reset a TCP connection accepted at `connectedAt`, or nil.
    public func connectionResetTime(connectedAt: Int64) -> Int64? {
        profile.resetConnectionAfter.map { connectedAt + $0 }
    }

    /// When to close a session set up at `createdAt` regardless of its timeout, or nil.
    public func sessionCloseTime(createdAt: Int64) -> Int64? {
        profile.closeSessionAfter.map { createdAt + $0 }
    }

    /// Whether RTCP is sent at all.
    public var sendsRTCP: Bool { profile.noRTCP != true }
}
