import Faults
import Testing
@testable import Server

/// A viewer's effective faults follow the camera's profile, the schedule and its own
/// overlay, recomputed when one of them changes rather than for every access unit.
@Suite
struct ViewerFaultsTests {
    static let ms: Int64 = 1_000_000
    static let sec: Int64 = 1_000_000_000

    @Test
    func aViewerFollowsTheCameraProfileTheScheduleAndItsOverlay() {
        let slow = FaultProfile(network: NetworkFaultProfile(delay: 300 * Self.ms))
        let camera = CameraFaultState(profile: .empty, catalog: ["slow": slow], seed: 1, origin: 0)
        let viewer = ViewerFaults(camera: camera, overlay: .empty, seed: 2, origin: 0)
        #expect(!viewer.isActive)

        // A new camera profile reaches the viewer at its next refresh.
        let generation = camera.generation
        camera.setProfile(FaultProfile(network: NetworkFaultProfile(loss: 0.5)))
        #expect(camera.generation == generation + 1)
        viewer.refresh(at: 1 * Self.sec)
        #expect(viewer.profile.network.loss == 0.5)
        #expect(viewer.isActive)

        // A schedule applies the catalog's profile from 10 s to 20 s of the viewer's time,
        // with no further change to the camera.
        var scheduled = FaultProfile()
        scheduled.schedule = FaultSchedule(timeline: [
            TimelineEntry(at: 10 * Self.sec, duration: 10 * Self.sec, action: .apply("slow")),
        ])
        camera.setProfile(scheduled)
        viewer.refresh(at: 2 * Self.sec)
        #expect(viewer.profile.network.loss == nil && viewer.profile.network.delay == nil)
        #expect(!viewer.isActive)
        viewer.refresh(at: 10 * Self.sec - 1)
        #expect(viewer.profile.network.delay == nil)
        viewer.refresh(at: 10 * Self.sec)
        #expect(viewer.profile.network.delay == 300 * Self.ms)
        viewer.refresh(at: 15 * Self.sec)
        #expect(viewer.profile.network.delay == 300 * Self.ms)
        viewer.refresh(at: 20 * Self.sec)
        #expect(viewer.profile.network.delay == nil)

        // The viewer's own overlay takes effect at once and layers over the camera's.
        viewer.setOverlay(FaultProfile(network: NetworkFaultProfile(jitter: 5 * Self.ms)), at: 21 * Self.sec)
        #expect(viewer.profile.network.jitter == 5 * Self.ms)
        viewer.refresh(at: 30 * Self.sec + 10 * Self.sec)
        #expect(viewer.profile.network.jitter == 5 * Self.ms && viewer.profile.network.delay == nil)
    }
}
