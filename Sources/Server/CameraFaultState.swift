import Faults
import Randomness
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
        /// Faults injected into sessions that have ended, by stream name.
        var endedByStream: [String: FaultTally] = [:]
        /// What auth faults did to the camera's requests (they act before a session exists).
        var auth = AuthFaultCounters()
        /// What live sessions' faults did so far, per track, as they last published it.
        var live: [LiveKey: (stream: String, tally: FaultTally)] = [:]
        /// Taken down by hand (the control API): until when, and whether as a reboot.
        var downByHand: (until: Int64, rebooting: Bool)?
        /// Reboots fired by hand, each giving the camera a new identity.
        var rebootsByHand = 0
    }

    /// One track of one live session.
    private struct LiveKey: Hashable {
        var session: String
        var track: Int
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

    /// Takes the camera down by hand until `until` (monotonic nanoseconds; `Int64.max`
    /// until ``bringUp()``): it refuses connections as an offline camera does.
    func takeDown(until: Int64, rebooting: Bool) {
        state.withLockedValue { $0.downByHand = (until, rebooting) }
    }

    /// Ends a hand-made outage at once.
    func bringUp() {
        state.withLockedValue { $0.downByHand = nil }
    }

    /// Ends the hand-made outage that was to last until `until`, when that time has come
    /// and no other outage (or ``bringUp()``) replaced it. True when it ended it.
    func endOutage(until: Int64, at now: Int64) -> Bool {
        state.withLockedValue { state in
            guard let down = state.downByHand, down.until == until, now >= until else { return false }
            state.downByHand = nil
            return true
        }
    }

    /// Whether a hand-made outage holds at `now`, and whether it is a reboot.
    func downByHand(at now: Int64) -> (down: Bool, rebooting: Bool) {
        state.withLockedValue { state in
            guard let down = state.downByHand, now < down.until else { return (false, false) }
            return (true, down.rebooting)
        }
    }

    /// Counts a reboot fired by hand and returns the seed of the identity it brings.
    func takeRebootByHand() -> UInt64 {
        state.withLockedValue { state in
            state.rebootsByHand += 1
            var rng = SeededGenerator.derived(from: seed, "control.reboot.by-hand.\(state.rebootsByHand)")
            return rng.next()
        }
    }

    /// A live session's counts so far on one of its tracks (replacing what that track
    /// published before), so the camera's running totals include sessions that have not ended.
    func publish(_ tally: FaultTally, session: String, track: Int = 0, stream: String) {
        state.withLockedValue { $0.live[LiveKey(session: session, track: track)] = (stream, tally) }
    }

    /// Adds an ended session's counts, every track's, to the camera's totals; its live
    /// counts go in the same step, so a reader never sees them twice or not at all.
    func record(_ tally: FaultTally, session: String, stream: String) {
        state.withLockedValue { state in
            state.live = state.live.filter { $0.key.session != session }
            state.endedByStream[stream] = (state.endedByStream[stream] ?? FaultTally()) + tally
        }
    }

    /// Counts what an auth fault did to one request.
    func recordAuth(_ counters: AuthFaultCounters) {
        guard counters.total > 0 else { return }
        state.withLockedValue { $0.auth = $0.auth + counters }
    }

    /// What faults did to this camera's ended sessions, its auth faults, and its reboots.
    var tally: FaultTally {
        state.withLockedValue { state in
            var tally = state.endedByStream.values.reduce(FaultTally(), +)
            tally.auth = state.auth
            tally.reboots = state.reboots + state.rebootsByHand
            return tally
        }
    }

    /// What faults did to each stream's sessions, ended and live, never decreasing
    /// (live sessions count as of their last publication).
    var tallyByStream: [String: FaultTally] {
        state.withLockedValue { state in
            var totals = state.endedByStream
            for (stream, tally) in state.live.values { totals[stream] = (totals[stream] ?? FaultTally()) + tally }
            return totals
        }
    }

    /// A response delay drawn from the model (it keeps its own seeded generator).
    func responseDelay(at now: Int64) -> Int64 {
        state.withLockedValue { $0.control.responseDelay(at: now) }
    }
}
