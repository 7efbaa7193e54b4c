import Foundation
import Server
import Testing

extension Integration {
    /// Session churn: a thousand cycles of connect, DESCRIBE, SETUP, PLAY, first
    /// packet, then TEARDOWN, or a close or reset with no TEARDOWN, eight clients at a time, TCP
    /// interleaved and UDP in turn. Afterwards every session and viewer is gone and
    /// the process is back to its file descriptors and threads, and memory has not
    /// grown with the cycles.
    @Suite
    struct ChurnTests {
        static let cyclesPerEnding = 500
        static let clients = 8
        /// Resident memory the cycles may add: allocator slack, not a per-cycle leak
        /// (1,000 leaked viewers with their buffers would be well over this).
        static let memoryGrowthLimit = 48 << 20

        @Test
        func sessionsDescriptorsAndThreadsReturnAfterChurn() async throws {
            let camera = CameraDefinition(path: "churn", streams: [
                try TestServer.stream(camera: "churn", width: 320, height: 240, fps: 30)
            ])
            try await TestServer.with(cameras: [camera]) { server in
                let stream = try #require(server.stream(atPath: "churn"))
                let url = server.url(forPath: "churn")
                // Warm-up: the encoder, pools and caches exist before the baseline is taken.
                for ending in [ChurnClients.Ending.teardown, .vanish] {
                    let failures = await ChurnClients.run(count: Self.clients, cycles: 2 * Self.clients, port: server.port, url: url, ending: ending)
                    try #require(failures.isEmpty, "warm-up: \(failures.prefix(3))")
                }
                let quiet = await Poll.until(timeoutSeconds: 20) {
                    server.sessionCount == 0 && stream.counters.snapshot.activeViewers == 0
                }
                try #require(quiet, "warm-up sessions still there: \(server.sessionCount)")
                await ProcessResources.openRuntimeTimers()
                let baseline = ProcessResources.read()
                let baselineTargets = ProcessResources.descriptorTargets()
                let memoryBefore = try #require(ProcessMemory.residentBytes())

                let start = Date()
                for ending in [ChurnClients.Ending.teardown, .vanish] {
                    let failures = await ChurnClients.run(count: Self.clients, cycles: Self.cyclesPerEnding, port: server.port, url: url, ending: ending)
                    #expect(failures.isEmpty, "\(ending): \(failures.count) cycles failed, first: \(failures.prefix(3))")
                }
                let seconds = Date().timeIntervalSince(start)

                var now = ProcessResources.read()
                let settled = await Poll.until(timeoutSeconds: 30) {
                    now = ProcessResources.read()
                    return server.sessionCount == 0 && stream.counters.snapshot.activeViewers == 0 && now.isWithin(baseline)
                }
                let memoryAfter = try #require(ProcessMemory.residentBytes())
                print("churn: \(2 * Self.cyclesPerEnding) cycles in \(String(format: "%.1f", seconds)) s; \(baseline) before, \(now) after; RSS \(ProcessMemory.megabytes(memoryBefore)) -> \(ProcessMemory.megabytes(memoryAfter))")
                let added = ProcessResources.descriptorTargets().filter { baselineTargets[$0.key] != $0.value }
                #expect(settled, "not back to baseline 30 s after churn: \(server.sessionCount) sessions, \(stream.counters.snapshot.activeViewers) viewers, \(now) against \(baseline); new descriptors: \(added.sorted { $0.key < $1.key })")
                #expect(memoryAfter - memoryBefore < Self.memoryGrowthLimit, "RSS grew \(ProcessMemory.megabytes(memoryAfter - memoryBefore)) over the churn")
            }
        }
    }
}
