import Foundation
import Probe
import ProbeAnalysis
import Server
import Testing

extension Integration {
    /// `camsim probe` as a library call against camsim in-process: loss measured from
    /// sequence gaps on a lossy URL, time to first frame, SR drift, several sessions, and
    /// latency read from the timecode scene's QR code.
    @Suite
    struct ProbeTests {
        static let yaml = FaultRig.serverBlock(mtu: 600) + "cameras:\n"
            + FaultRig.busyCamera("busy")
            + FaultRig.camera("clean", stream: "{name: main, size: 320x240, fps: 25, gop: 25, preset: ultrafast}")
            + FaultRig.camera("timecode", scene: "timecode", stream: "{name: main, size: 640x360, fps: 15, preset: ultrafast}")

        static func options(_ url: String, seconds: Double) -> ProbeOptions {
            var options = ProbeOptions(url: url)
            options.seconds = seconds
            options.transport = .tcp
            return options
        }

        /// `?loss=5` drops 5 % of the packets: over 10,000 the probe measures 5 ± 1 %.
        @Test func measuresFivePercentLossOverTenThousandPackets() async throws {
            try await FaultRig.with(Self.yaml) { server in
                var options = Self.options(server.url(forPath: "busy") + "?loss=5", seconds: 40)
                options.packetLimit = 10_000
                let report = await ProbeSession.run(options)
                print("probe ?loss=5: \(report.jsonText())")
                #expect(report.error == nil)
                #expect(report.expected >= 10_000)
                #expect(abs(report.lossPct - 5) <= 1, "loss \(report.lossPct) % over \(report.expected) packets")
                #expect(report.duplicates == 0)
            }
        }

        /// A clean camera: the first complete IDR within 300 ms of connecting, and the
        /// stream's size, rate and GOP as configured.
        @Test func measuresTimeToFirstFrameAndTheStream() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let report = await ProbeSession.run(Self.options(server.url(forPath: "clean"), seconds: 3))
                print("probe clean: \(report.jsonText())")
                #expect(report.error == nil)
                let ttff = try #require(report.ttffMs)
                #expect(ttff < 300)
                #expect(report.width == 320)
                #expect(report.height == 240)
                #expect(abs((report.fps ?? 0) - 25) < 0.5)
                #expect(report.gop == 25)
                #expect(report.lossPct == 0)
                #expect(report.codec == "H264")
            }
        }

        /// Sessions run side by side and each reports on its own.
        @Test func runsSeveralSessionsAtOnce() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let urls = [server.url(forPath: "clean"), server.url(forPath: "clean") + "?loss=20"]
                var options = Self.options(urls[0], seconds: 2)
                options.thresholds = ProbeThresholds(maxLossPct: 5)
                let reports = await ProbeLoad.run(urls: urls, sessions: 4, options: options)
                #expect(reports.count == 4)
                #expect(reports.map(\.passed) == [true, false, true, false])
                let table = ProbeTable.sessions(reports)
                #expect(table.split(separator: "\n").count == 6)
                #expect(table.contains("2 ok, 2 failed"))
            }
        }

        /// The timecode scene's QR code gives capture-to-arrival latency on loopback.
        @Test func readsLatencyFromTheTimecodeScene() async throws {
            try await FaultRig.with(Self.yaml) { server in
                var options = Self.options(server.url(forPath: "timecode"), seconds: 3)
                options.latency = true
                let report = await ProbeSession.run(options)
                print("probe timecode: latency \(report.latencyMs.map { "\($0)" } ?? "-") ms over \(report.latencySamples) codes")
                #expect(report.latencySamples >= 5)
                let latency = try #require(report.latencyMs)
                #expect(latency > 0 && latency < 1_000)
            }
        }

        /// `?rtcp_drift_ppm=300` makes camsim's SR wall clock run 300 ppm fast: against it the
        /// RTP clock runs slow, -300 ppm.
        @Test func measuresSenderReportDrift() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let report = await ProbeSession.run(Self.options(server.url(forPath: "clean") + "?rtcp_drift_ppm=300", seconds: 11))
                print("probe drift: \(report.rtcpSRCount) SRs, \(report.srDriftPPM.map { "\($0)" } ?? "-") ppm")
                #expect(report.rtcpSR)
                let drift = try #require(report.srDriftPPM)
                #expect(abs(drift + 300) < 15)
            }
        }
    }

    /// `camsim probe` from the command line: JSON that parses, and exit codes.
    @Suite
    struct ProbeCommandLineTests {
        @Test func jsonParsesAndAThresholdFailsTheExit() async throws {
            try await FaultRig.with(ProbeTests.yaml) { server in
                let url = server.url(forPath: "clean")
                let passing = try await CamsimBinary.run(["probe", url, "--seconds", "2", "--json", "--min-fps", "20"])
                #expect(passing.exitCode == 0, "\(passing)")
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(passing.stdout.utf8)) as? [String: Any], "\(passing)")
                for key in ["codec", "width", "height", "fps", "bitrate_kbps", "gop", "ttff_ms", "loss_pct", "reordered",
                            "duplicates", "jitter_ms", "rtcp_sr", "sr_drift_ppm"] {
                    #expect(object.keys.contains(key), "no \(key) in \(passing.stdout)")
                }
                #expect(object["width"] as? Int == 320)
                let failing = try await CamsimBinary.run(["probe", url, "--seconds", "2", "--json", "--min-fps", "1000"])
                #expect(failing.exitCode == 1, "\(failing)")
                let failed = try #require(try JSONSerialization.jsonObject(with: Data(failing.stdout.utf8)) as? [String: Any])
                #expect((failed["failures"] as? [String])?.first?.contains("--min-fps 1000") == true)
            }
        }

        @Test func aSourceThatCannotPlayExitsTwo() async throws {
            // A port nothing listens on: camsim bound it and let it go.
            let port = try await FaultRig.with(ProbeTests.yaml) { server in server.port }
            let result = try await CamsimBinary.run(["probe", "rtsp://127.0.0.1:\(port)/none", "--seconds", "2"])
            #expect(result.exitCode == 2, "\(result)")
            #expect(result.stdout.contains("error"))
        }
    }

    /// The probe against a server camsim shares no code with: GStreamer's gst-rtsp-server.
    @Suite
    struct ProbeForeignServerTests {
        @Test func reportsTheSizeAndRateGStreamerServes() async throws {
            let report = try await GStreamerRTSPServer.with(width: 320, height: 240, fps: 25, gop: 25) { server in
                var options = ProbeOptions(url: server.url)
                options.seconds = 4
                return await ProbeSession.run(options)
            }
            print("probe gst-rtsp-server: \(report.jsonText())")
            #expect(report.error == nil)
            #expect(report.width == 320)
            #expect(report.height == 240)
            #expect(abs((report.fps ?? 0) - 25) < 0.5)
            #expect(report.codec == "H264")
            #expect(report.ttffMs != nil)
        }
    }
}
