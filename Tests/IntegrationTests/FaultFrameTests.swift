import Foundation
import Server
import Testing

extension Integration {
    /// Frame-level media faults as a raw RTP receiver sees them: a camera's long GOP, one
    /// viewer's every-Nth frame drop, and one viewer's drifting RTCP clock, each beside a
    /// clean viewer of the same camera.
    @Suite
    struct FaultFrameTests {
        /// 90 kHz ticks of one frame at the test cameras' 15 fps.
        static let frameTicks: Int64 = 6_000

        /// One access unit as received: its RTP timestamp and whether it starts with an IDR.
        struct AccessUnit {
            var timestamp: UInt32
            var isIDR: Bool
        }

        /// The access units in a viewer's RTP, in arrival order (packets grouped by timestamp).
        static func accessUnits(_ viewer: FaultUDPViewer) -> [AccessUnit] {
            var units: [AccessUnit] = []
            for packet in viewer.rtpPackets {
                if units.last?.timestamp == packet.timestamp { continue }
                units.append(AccessUnit(timestamp: packet.timestamp, isIDR: H264PayloadChecks.startsDecodableAccessUnit(packet)))
            }
            return units
        }

        /// Ticks from `a` to `b`, RTP timestamps being modulo 2³².
        static func ticks(_ a: UInt32, _ b: UInt32) -> Int64 { Int64(Int32(bitPattern: b &- a)) }

        @Test
        func gopFaultSpacesTheCamerasIDRs() async throws {
            let yaml = FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("long", faults: "{gop: 45}")
                + FaultRig.camera("normal")
            try await FaultRig.with(yaml) { server in
                let long = try FaultUDPViewer(port: server.port, url: server.url(forPath: "long"))
                let normal = try FaultUDPViewer(port: server.port, url: server.url(forPath: "normal"))
                try long.start()
                try normal.start()
                // The IDR on PLAY, then two more 45 frames (3 s) apart.
                let enough = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.1) {
                    Self.accessUnits(long).filter(\.isIDR).count >= 3
                }
                long.teardown()
                normal.teardown()
                try #require(enough, "fewer than 3 IDRs in 20 s on the long-GOP camera")
                func gaps(_ viewer: FaultUDPViewer) -> [Int64] {
                    let idrs = Self.accessUnits(viewer).filter(\.isIDR)
                    return zip(idrs, idrs.dropFirst()).map { Self.ticks($0.timestamp, $1.timestamp) / Self.frameTicks }
                }
                let longGaps = gaps(long), normalGaps = gaps(normal)
                print("gop fault: frames between IDRs \(longGaps) with gop 45; \(normalGaps) with the default 30")
                // A slot skipped for CPU would widen a gap by a frame; x264 counts encoded frames.
                #expect(!longGaps.isEmpty && longGaps.allSatisfy { (45...48).contains($0) }, "\(longGaps)")
                #expect(!normalGaps.isEmpty && normalGaps.allSatisfy { (30...33).contains($0) }, "\(normalGaps)")
            }
        }

        @Test
        func dropEveryThirdFrameReachesOnlyThatViewer() async throws {
            let yaml = FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("cam")
            try await FaultRig.with(yaml) { server in
                let dropping = try FaultUDPViewer(port: server.port, url: server.url(forPath: "cam"))
                let clean = try FaultUDPViewer(port: server.port, url: server.url(forPath: "cam"))
                try clean.start()
                try dropping.start(query: "drop_every=3")
                let enough = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.1) {
                    Self.accessUnits(dropping).count >= 40
                }
                dropping.teardown()
                clean.teardown()
                try #require(enough, "the dropping viewer got \(Self.accessUnits(dropping).count) frames in 20 s")
                let got = Set(Self.accessUnits(dropping).map(\.timestamp))
                let first = try #require(Self.accessUnits(dropping).first?.timestamp)
                let last = try #require(Self.accessUnits(dropping).last?.timestamp)
                // The clean viewer's frames over the same span; the dropping viewer's are among them.
                let all = Self.accessUnits(clean).map(\.timestamp)
                    .filter { Self.ticks(first, $0) >= 0 && Self.ticks($0, last) >= 0 }
                let missing = all.map { !got.contains($0) }
                var longestRun = 0, run = 0
                for gone in missing {
                    run = gone ? run + 1 : 0
                    longestRun = max(longestRun, run)
                }
                let share = Double(missing.filter { $0 }.count) / Double(max(1, all.count))
                print("drop_every=3: \(missing.filter { $0 }.count) of \(all.count) frames missing (\(String(format: "%.3f", share))), longest run \(longestRun)")
                #expect(got.isSubset(of: Set(Self.accessUnits(clean).map(\.timestamp))), "frames the camera never sent")
                #expect(abs(share - 1.0 / 3) < 0.04, "share dropped \(share)")
                #expect(longestRun == 1, "two frames in a row were dropped")
            }
        }

        /// The sender report's NTP clock against its RTP clock over two reports: seconds of
        /// NTP time per second of RTP time, minus one.
        static func senderReportSkew(_ viewer: FaultUDPViewer) -> Double? {
            var reports: [(ntp: Double, rtp: UInt32)] = []
            for arrival in viewer.rtcp.snapshot {
                guard let report = RTCPPacketView.split(arrival.bytes)?.first?.senderInfo else { continue }
                reports.append((report.ntpSeconds, report.rtpTimestamp))
            }
            guard let first = reports.first, let last = reports.last, reports.count >= 2 else { return nil }
            let media = Double(ticks(first.rtp, last.rtp)) / 90_000
            return (last.ntp - first.ntp) / media - 1
        }

        @Test
        func rtcpDriftSkewsOnlyThatViewersSenderReports() async throws {
            let yaml = FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("cam")
            try await FaultRig.with(yaml) { server in
                let drifting = try FaultUDPViewer(port: server.port, url: server.url(forPath: "cam"))
                let clean = try FaultUDPViewer(port: server.port, url: server.url(forPath: "cam"))
                try drifting.start(query: "rtcp_drift_ppm=20000")
                try clean.start()
                // The first report comes soon after PLAY, the next about 5 s later.
                let enough = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.1) {
                    Self.senderReportSkew(drifting) != nil && Self.senderReportSkew(clean) != nil
                }
                drifting.teardown()
                clean.teardown()
                try #require(enough, "fewer than two sender reports per viewer in 20 s")
                let skew = try #require(Self.senderReportSkew(drifting))
                let cleanSkew = try #require(Self.senderReportSkew(clean))
                print("rtcp_drift_ppm=20000: sender-report clock skew \(String(format: "%.0f", skew * 1e6)) ppm; clean viewer \(String(format: "%.0f", cleanSkew * 1e6)) ppm")
                #expect(abs(skew - 0.02) < 0.0005, "skew \(skew)")
                #expect(abs(cleanSkew) < 0.0005, "clean skew \(cleanSkew)")
            }
        }
    }
}
