import Foundation
import Testing

extension Integration {
    /// A schedule's timeline layers a named profile on the camera for a window: loss
    /// appears when the entry starts and is gone when it ends.
    @Suite
    struct FaultTimelineTests {
        static let yaml = FaultRig.serverBlock(mtu: 600)
            + "faults:\n  heavy: {loss: 50%}\n"
            + "cameras:\n"
            + FaultRig.busyCamera("busy", faults: "{schedule: {timeline: [{at: 1500ms, apply: heavy, for: 2s}]}}")

        /// Loss among the packets that arrived within [from, to) (kernel clock).
        static func loss(_ viewer: FaultUDPViewer, from: Int64, to: Int64) -> FaultSequenceStats {
            FaultSequenceStats(viewer.sequencedPackets.filter { $0.nanos >= from && $0.nanos < to })
        }

        @Test
        func timelineEntryAppliesItsProfileForItsWindow() async throws {
            let mounted = FaultPacketTap.now()
            let second: Int64 = 1_000_000_000
            try await FaultRig.with(Self.yaml) { server in
                let viewer = try FaultUDPViewer(port: server.port, url: server.url(forPath: "busy"))
                try viewer.start()
                let done = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.1) {
                    (viewer.rtp.snapshot.last?.nanos ?? 0) > mounted + 5 * second
                }
                try #require(done, "RTP did not keep flowing for 5 s")
                // Windows with a margin of 300 ms around each edge of the entry [1.5 s, 3.5 s).
                let before = Self.loss(viewer, from: mounted + second / 2, to: mounted + 1_200 * second / 1_000)
                let during = Self.loss(viewer, from: mounted + 1_800 * second / 1_000, to: mounted + 3_200 * second / 1_000)
                let after = Self.loss(viewer, from: mounted + 3_800 * second / 1_000, to: mounted + 5 * second)
                print(String(format: "timeline: loss %.1f%% before (%d packets), %.1f%% during (%d), %.1f%% after (%d)",
                             before.loss * 100, before.expected, during.loss * 100, during.expected, after.loss * 100, after.expected))
                #expect(before.expected > 200 && during.expected > 500 && after.expected > 200, "too few packets to judge")
                #expect(before.loss == 0)
                #expect(abs(during.loss - 0.5) < 0.06, "loss during the entry: \(during.loss)")
                #expect(after.loss == 0)
                viewer.teardown()
            }
        }
    }
}
