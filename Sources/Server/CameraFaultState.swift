import Faults
import NIOConcurrencyHelpers
import Synchronization

/// A camera's faults at run time: the profile every viewer starts from (changeable
/// while running), the catalog that `profile=` names come from, and the control-plane
/// model (offline, reboot, status overrides, ...), whose clock starts when the camera
/// is mounted.
final class CameraFaultState: Sendable {
    private struct State {
        var profile: FaultProfile
        var control: ControlFaultModel
        var reboots = 0
        /// Faults injected into sessions that have ended.
        var ended = FaultTally()
    }

    let catalog: [String: FaultProfile]
    let seed: UInt64
    let origin: Int64
    private let state: NIOLockedValueBox<State>
    private let profileGeneration = Atomic<Int>(0)

    init(profile: FaultProfile, catalog: [String: FaultProfile], seed: UInt64, origin: Int64) {
        let catalog = catalog.mapValues { Self.resolved($0, catalog: catalog) }
        self.catalog = catalog
        self.seed = seed
        self.origin = origin
        let profile = Self.resolved(profile, catalog: catalog)
        state = NIOLockedValueBox(State(
            profile: profile,
            control: ControlFaultModel(profile: profile.control, schedule: profile.schedule, seed: seed, origin: origin)
        ))
    }

    /// The camera-wide profile (with its schedule).
    var profile: FaultProfile { state.withLockedValue { $0.profile } }

    /// Bumped by every `setProfile`. A viewer reads this one number per access unit and
    /// takes the lock for the profile only when it has changed.
    var generation: Int { profileGeneration.load(ordering: .acquiring) }

    /// The profile and the generation it belongs to, read together.
    var versionedProfile: (profile: FaultProfile, generation: Int) {
        state.withLockedValue { ($0.profile, profileGeneration.load(ordering: .relaxed)) }
    }

    /// Replaces the camera-wide profile; viewers pick it up on their next frame.
    func setProfile(_ profile: FaultProfile) {
        let profile = Self.resolved(profile, catalog: catalog)
        state.withLockedValue {
            $0.profile = profile
            $0.control = ControlFaultModel(profile: profile.control, schedule: profile.schedule, seed: seed, origin: origin)
            profileGeneration.add(1, ordering: .releasing)
        }
    }

    /// Schedule names resolved against the camera's catalog, once, here. Loading has
    /// already refused unknown names; a profile built in code that names a profile
    /// nothing defines keeps that entry, which then adds nothing.
    private static func resolved(_ profile: FaultProfile, catalog: [String: FaultProfile]) -> FaultProfile {
        (try? profile.resolvingLayers(in: catalog)) ?? profile
    }

    /// The control-plane model in force now.
    var control: ControlFaultModel { state.withLockedValue { $0.control } }

    /// True once per reboot the control model schedules: the caller drops the
    /// camera's sessions and gives its streams a new identity.
    func takeReboot(at now: Int64) -> Bool {
        state.withLockedValue { state in
            let count = state.control.rebootCount(at: now)
            guard count > state.reboots else { return false }
            state.reboots = count
            return true
        }
    }

    /// Adds an ended session's counts to the camera's totals.
    func record(_ tally: FaultTally) {
        state.withLockedValue { $0.ended = $0.ended + tally }
    }

    /// Counts what an auth fault did to one request.
    func recordAuth(_ counters: AuthFaultCounters) {
        guard counters.total > 0 else { return }
        state.withLockedValue { $0.ended.auth = $0.ended.auth + counters }
    }

    /// What faults did to this camera's ended sessions, its auth faults, and its reboots.
    var tally: FaultTally {
        state.withLockedValue { state in
            var tally = state.ended
            tally.reboots = state.reboots
            return tally
        }
    }

    /// A response delay drawn from the model (it keeps its own seeded generator).
    func responseDelay(at now: Int64) -> Int64 {
        state.withLockedValue { $0.control.responseDelay(at: now) }
    }
}
