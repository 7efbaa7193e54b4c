import Foundation
import Testing

extension Integration {
    /// Faults asked for in one viewer's URL stay with that viewer: another viewer of the
    /// same camera at the same time loses nothing.
    @Suite
    struct FaultViewerIsolationTests {
        static let yaml = FaultRig.serverBlock(mtu: 600) + "cameras:\n" + FaultRig.busyCamera("busy")

        @Test
        func urlLossHitsOnlyItsViewer() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let url = server.url(forPath: "busy")
                let clean = try FaultUDPViewer(port: server.port, url: url)
                let lossy = try FaultUDPViewer(port: server.port, url: url)
                try clean.start()
                try lossy.start(query: "loss=10")
                let enough = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.05) {
                    clean.rtp.count >= 6_000 && lossy.rtp.count >= 5_400
                }
                #expect(enough, "clean \(clean.rtp.count), lossy \(lossy.rtp.count) packets after 20 s")
                lossy.teardown()
                clean.teardown()
                clean.rtp.stop()
                lossy.rtp.stop()

                let cleanStats = FaultSequenceStats(clean.sequencedPackets)
                let lossyStats = FaultSequenceStats(lossy.sequencedPackets)
                print("two viewers at once: clean \(cleanStats); ?loss=10 \(lossyStats)")
                #expect(clean.rtp.kernelDrops ?? 0 == 0 && lossy.rtp.kernelDrops ?? 0 == 0, "the test's sockets dropped packets")
                #expect(cleanStats.expected >= 2_000, "\(cleanStats)")
                #expect(cleanStats.missing.isEmpty, "the viewer without faults lost \(cleanStats.missing.count): \(cleanStats.missing.prefix(20))")
                #expect(lossyStats.expected >= 2_000, "\(lossyStats)")
                #expect(abs(lossyStats.loss - 0.10) <= 0.02, "?loss=10 viewer: \(lossyStats)")
            }
        }
    }
}
