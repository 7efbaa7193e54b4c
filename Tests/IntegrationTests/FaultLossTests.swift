import Foundation
import Server
import Testing

extension Integration {
    /// Random loss measured by an independent UDP receiver from RTP sequence gaps: a 5 %
    /// profile loses 5 % of the packets, and a seed makes the same packets go missing.
    @Suite
    struct FaultLossTests {
        static let yaml = FaultRig.serverBlock(mtu: 600)
            + "faults:\n  five-percent: {loss: 5%}\ncameras:\n"
            + FaultRig.busyCamera("lossy", faults: "[five-percent]")
            + FaultRig.busyCamera("busy")

        /// Plays `path` over UDP until `packets` RTP packets arrived (or `timeoutSeconds`
        /// passed) and returns the viewer, still playing.
        static func watch(
            _ server: CamsimServer, _ path: String, query: String = "", packets: Int, timeoutSeconds: Double
        ) async throws -> FaultUDPViewer {
            let viewer = try FaultUDPViewer(port: server.port, url: server.url(forPath: path))
            try viewer.start(query: query)
            let enough = await viewer.waitForPackets(packets, timeoutSeconds: timeoutSeconds)
            #expect(enough, "only \(viewer.rtp.count) RTP packets in \(timeoutSeconds) s on \(path)?\(query)")
            return viewer
        }

        @Test
        func fivePercentProfileLosesFivePercent() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let started = Date()
                let viewer = try await Self.watch(server, "lossy", packets: 21_000, timeoutSeconds: 30)
                let seconds = Date().timeIntervalSince(started)
                let counters = try viewer.parameter("GET_PARAMETER", "fault_counters")
                viewer.teardown()
                viewer.rtp.stop()

                let packets = viewer.sequencedPackets
                let base = try #require(viewer.firstSequence, "PLAY without RTP-Info seq: \(viewer.play.map(String.init(describing:)) ?? "")")
                let stats = FaultSequenceStats(packets, from: Int64(base))
                print(String(format: "5%% profile: %@ in %.1f s (%.0f packets/s); kernel drops %@; %@",
                             stats.description, seconds, Double(stats.expected) / seconds,
                             "\(viewer.rtp.kernelDrops.map(String.init) ?? "?")", counters.bodyText))
                #expect(viewer.rtp.kernelDrops ?? 0 == 0, "the test's socket dropped packets: loss would be overstated")
                #expect(stats.expected >= 20_000, "only \(stats.expected) packets in the span")
                #expect(abs(stats.loss - 0.05) <= 0.007, "measured \(stats)")
                #expect(stats.duplicates == 0, "\(stats)")
                #expect(counters.status == 200 && counters.bodyText.contains("dropped"), "\(counters)")
            }
        }

        /// The offsets (from RTP-Info's seq) of the packets missing among the first `span`.
        static func lostOffsets(_ server: CamsimServer, query: String, span: Int) async throws -> [Int64] {
            let viewer = try await watch(server, "busy", query: query, packets: span + 200, timeoutSeconds: 20)
            viewer.teardown()
            viewer.rtp.stop()
            let base = Int64(try #require(viewer.firstSequence, "PLAY without RTP-Info seq"))
            let packets = viewer.sequencedPackets
            let stats = FaultSequenceStats(packets, from: base, through: base + Int64(span) - 1)
            #expect(viewer.rtp.kernelDrops ?? 0 == 0, "the test's socket dropped packets")
            return stats.missing.map { $0 - base }
        }

        @Test
        func sameSeedLosesTheSamePackets() async throws {
            let span = 5_000
            try await FaultRig.with(Self.yaml) { server in
                // RTCP is impaired too, from its own generator: the RTP losses stay the same.
                let query = "loss=5&seed=7"
                let first = try await Self.lostOffsets(server, query: query, span: span)
                let second = try await Self.lostOffsets(server, query: query, span: span)
                let other = try await Self.lostOffsets(server, query: "loss=5&seed=8", span: span)
                print("seed 7: \(first.count) and \(second.count) lost of \(span); seed 8: \(other.count); first offsets \(first.prefix(12))")
                #expect(!first.isEmpty)
                #expect(first == second, "seed 7 lost different packets: \(Set(first).symmetricDifference(second).sorted().prefix(20))")
                #expect(first != other, "seeds 7 and 8 lost exactly the same packets")
            }
        }
    }
}
