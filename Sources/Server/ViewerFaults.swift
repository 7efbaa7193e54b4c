import Faults
import Randomness

/// One viewer's fault models: network faults per packet, media faults per access
/// unit, from the camera's profile overlaid with the viewer's own (URL query or
/// SET_PARAMETER). Every decision is seeded, so the same seed drops the same packets.
/// Confined to the viewer's transport event loop.
final class ViewerFaults: @unchecked Sendable {
    let camera: CameraFaultState
    private let seed: UInt64
    let origin: Int64
    /// The viewer's own overlay (URL query, SET_PARAMETER).
    private var overlay: FaultProfile
    /// The camera's profile overlaid with the viewer's, schedule included; rebuilt only
    /// when the camera's generation or the overlay changes.
    private var combined = FaultProfile.empty
    private var cameraGeneration = -1
    /// Elapsed time at which the schedule next changes what is in force (`.max`: never).
    private var nextScheduleChange: Int64 = .max
    private var effective: FaultProfile
    private(set) var network: NetworkFaultModel
    /// RTCP draws from its own generator, so the RTP packets a seed drops do not
    /// depend on when sender reports happen to go out.
    private var rtcpNetwork: NetworkFaultModel
    private var rtcpIndex = 0
    private(set) var media: MediaFaultModel
    private var mediaCountersBefore = MediaFaultCounters()
    private var packetIndex = 0

    init(camera: CameraFaultState, overlay: FaultProfile, seed: UInt64, origin: Int64) {
        self.camera = camera
        self.overlay = overlay
        self.seed = seed
        self.origin = origin
        effective = FaultProfile.empty
        network = NetworkFaultModel(profile: .init(), seed: seed, origin: origin)
        rtcpNetwork = NetworkFaultModel(profile: .init(), seed: SeededGenerator.derived(from: seed, "rtcp").state, origin: origin)
        media = MediaFaultModel(profile: .init(), seed: SeededGenerator.derived(from: seed, "media").state, origin: origin)
        refresh(at: origin)
    }

    /// The viewer's profile now: the camera's, then the viewer's own, with schedules applied.
    var profile: FaultProfile { effective }

    /// Whether any fault is in force now; set by `refresh`, read for every packet.
    private(set) var isActive = false

    /// Replaces the viewer's own overlay (SET_PARAMETER).
    func setOverlay(_ overlay: FaultProfile, at now: Int64) {
        self.overlay = overlay
        cameraGeneration = -1
        refresh(at: now)
    }

    var currentOverlay: FaultProfile { overlay }

    /// Named profiles `profile=` may use.
    var cameraCatalog: [String: FaultProfile] { camera.catalog }

    /// Brings the models up to date when something changed: the camera's profile (its
    /// generation), the overlay, or a schedule boundary. Otherwise it costs one atomic
    /// load and two comparisons: no lock, no merge.
    func refresh(at now: Int64) {
        let elapsed = now - origin
        let generation = camera.generation
        guard generation != cameraGeneration || elapsed >= nextScheduleChange else { return }
        if generation != cameraGeneration {
            let (profile, current) = camera.versionedProfile
            combined = profile.merged(with: overlay)
            cameraGeneration = current
        }
        nextScheduleChange = combined.schedule?.nextChange(after: elapsed) ?? .max
        apply(combined.effective(at: elapsed))
    }

    /// Hands a new effective profile to the models whose part of it changed.
    private func apply(_ next: FaultProfile) {
        guard next != effective else { return }
        if next.network != effective.network {
            network.setProfile(next.network)
            rtcpNetwork.setProfile(next.network)
        }
        if next.media != effective.media {
            mediaCountersBefore = mediaCounters
            media = MediaFaultModel(profile: next.media, seed: SeededGenerator.derived(from: seed, "media").state, origin: origin)
        }
        effective = next
        isActive = !next.network.isEmpty || !next.media.isEmpty || next.control.noRTCP == true
        if isActive { hasEverBeenActive = true }
    }

    /// True once any fault was in force for this viewer.
    private(set) var hasEverBeenActive = false

    /// What this viewer's faults did so far.
    var tally: FaultTally {
        FaultTally(network: network.counters + rtcpNetwork.counters, media: mediaCounters)
    }

    /// What happens to the next packet of `size` bytes.
    func decide(size: Int, kind: PacketInfo.Kind, at now: Int64) -> PacketFate {
        switch kind {
        case .rtp:
            defer { packetIndex += 1 }
            return network.decide(packet: PacketInfo(index: packetIndex, size: size, kind: kind), at: now)
        case .rtcp:
            defer { rtcpIndex += 1 }
            return rtcpNetwork.decide(packet: PacketInfo(index: rtcpIndex, size: size, kind: kind), at: now)
        }
    }

    /// What happens to the next access unit.
    func decide(frame: FrameInfo, at now: Int64) -> FrameFate {
        media.decide(frame: frame, at: now)
    }

    /// Media counters since the viewer started, across profile changes.
    var mediaCounters: MediaFaultCounters {
        mediaCountersBefore + media.counters
    }

    var sendsRTCP: Bool { effective.control.noRTCP != true }
}
