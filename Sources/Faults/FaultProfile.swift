/// A complete fault profile: network, media and control faults plus an optional schedule.
///
/// Profiles combine with ``merged(with:)``: every field the later profile sets
/// wins, field by field, so `[lte, flaky]` is `lte` with whatever `flaky`
/// changes. An empty profile changes nothing.
public struct FaultProfile: Sendable, Equatable, Hashable {
    public var network: NetworkFaultProfile
    public var media: MediaFaultProfile
    public var control: ControlFaultProfile
    public var schedule: FaultSchedule?

    public init(
        network: NetworkFaultProfile = NetworkFaultProfile(),
        media: MediaFaultProfile = MediaFaultProfile(),
        control: ControlFaultProfile = ControlFaultProfile(),
        schedule: FaultSchedule? = nil
    ) {
        self.network = network
        self.media = media
        self.control = control
        self.schedule = schedule
    }

    /// No faults.
    public static let empty = FaultProfile()

    public var isEmpty: Bool { self == .empty }

    /// This profile overlaid with `later`: each field `later` sets wins.
    public func merged(with later: FaultProfile) -> FaultProfile {
        FaultProfile(
            network: network.merged(with: later.network),
            media: media.merged(with: later.media),
            control: control.merged(with: later.control),
            schedule: later.schedule ?? schedule
        )
    }

    /// Several profiles layered in order (later wins).
    public static func merging(_ profiles: [FaultProfile]) -> FaultProfile {
        profiles.reduce(FaultProfile.empty) { $0.merged(with: $1) }
    }

    /// The faults in force at `elapsed`, without schedule: this profile's own
    /// faults while its schedule is active (always, without a schedule), with
    /// the profiles of active timeline entries layered on top. Layers are the profiles
    /// their names resolved to at load (``resolvingLayers(in:)``); an entry never
    /// resolved adds nothing. The schedules of layered profiles are ignored.
    public func effective(at elapsed: Int64) -> FaultProfile {
        guard let schedule else { return self }
        var result = schedule.isActive(at: elapsed) ? self : .empty
        result.schedule = nil
        for layer in schedule.activeLayers(at: elapsed) {
            guard let profile = layer.profile else { continue }
            result = result.merged(with: profile)
        }
        return result
    }
}
