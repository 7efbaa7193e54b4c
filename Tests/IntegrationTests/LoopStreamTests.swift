import Cameras
import Foundation
import Probe
import ProbeAnalysis
import Server
import Testing

extension Integration {
    /// `mode: loop` streams: recorded once, replayed from memory, each camera with its own
    /// RTP identity and running clocks, decodable across the loop's seam by real clients.
    @Suite
    struct LoopStreamTests {
        /// A 2 s loop at 10 fps with a one-second GOP.
        static let loopStream = "{name: main, size: 320x240, fps: 10, gop: 10, preset: ultrafast, mode: loop, loop: 2s}"

        static let yaml = FaultRig.serverBlock(mtu: 600) + "cameras:\n"
            + FaultRig.camera("looped", stream: loopStream)
            + twin("twin-1", seed: 4242) + twin("twin-2", seed: 4243)

        /// A loop camera whose source lingers 5 s after its last viewer, so both twins hold the loop at once.
        static func twin(_ path: String, seed: Int) -> String {
            "  - path: \(path)\n    scene: smpte-clock\n    seed: \(seed)\n    streams:\n      - \(loopStream)\n"
        }

        /// ffmpeg decodes 7 s, across three seams, with no error, and the picture repeats every
        /// 20 frames (the loop), which a live camera's clock would not; ffprobe reads 7 s of
        /// packets whose pts strictly increase (ffmpeg leaves the first packet, which arrives
        /// before its RTP timestamps are synchronised, without one).
        @Test func ffmpegDecodesAcrossThreeLoopBoundaries() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let url = server.url(forPath: "looped")
                async let decoded = Clients.ffmpegPull(
                    url, transport: "tcp", output: ["-an", "-t", "7", "-fps_mode", "passthrough", "-f", "framecrc", "-"],
                    timeoutSeconds: 30)
                async let probed = Clients.ffprobeRTSP(
                    url, ["-read_intervals", "%+7", "-select_streams", "v", "-show_entries", "packet=pts", "-of", "csv=p=0"],
                    timeoutSeconds: 30)
                let (result, packets) = try await (decoded, probed)
                #expect(result.succeeded, "\(result)")
                #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "decode errors:\n\(result.stderr)")
                // framecrc: stream, dts, pts, duration, size, crc
                let crcs = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
                    $0.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
                }
                #expect(crcs.count >= 63, "\(crcs.count) frames decoded in 7 s at 10 fps")
                let repeats = (0..<max(0, crcs.count - 20)).filter { crcs[$0] == crcs[$0 + 20] }.count
                #expect(repeats == crcs.count - 20, "only \(repeats) of \(crcs.count - 20) frames repeat a loop later")
                #expect(Set(crcs.prefix(20)).count > 1, "the loop shows one picture throughout")

                #expect(packets.succeeded, "\(packets)")
                // One line a packet: its pts (N/A when it has none), then any side data.
                let lines = packets.stdout.split(separator: "\n").map { $0.split(separator: ",").first.map(String.init) ?? "" }
                let pts = lines.compactMap { Int64($0) }
                print("loop: \(crcs.count) frames decoded; \(lines.count) packets, pts \(pts.prefix(3))…\(pts.suffix(2))")
                #expect(lines.count - pts.count <= 1, "packets without pts: \(lines.filter { Int64($0) == nil })")
                #expect(pts.count >= 63 && pts.last ?? 0 >= 6 * 90_000, "\(pts.count) packets up to pts \(pts.last ?? 0)")
                #expect(zip(pts, pts.dropFirst()).allSatisfy { $0 < $1 }, "pts not strictly increasing: \(pts)")
            }
        }

        /// Two cameras with one key (their names differ only in number, their seeds do not
        /// show in the scene): one recording, two SSRCs on the wire, and a probe of
        /// each sees clean RTP whose sender reports keep to the RTP clock across the seam.
        @Test func twoCamerasWithOneKeyShareOneLoop() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let reports = await withTaskGroup(of: ProbeReport.self) { group in
                    for path in ["twin-1", "twin-2"] {
                        group.addTask {
                            var options = ProbeOptions(url: server.url(forPath: path))
                            options.seconds = 6
                            return await ProbeSession.run(options)
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                let recordings = LoopLibrary.shared.recordingCount { $0.cameraText == "twin-#" }
                #expect(recordings == 1, "\(recordings) recordings of one key")
                let ssrcs = try ["twin-1", "twin-2"].map { try #require(server.stream(atPath: $0)).identity.ssrc }
                #expect(ssrcs[0] != ssrcs[1])
                for report in reports {
                    print("loop twin: \(report.jsonText())")
                    #expect(report.error == nil)
                    #expect(report.lossPct == 0 && report.timestampRegressions == 0 && report.ssrcChanges == 0)
                    #expect(report.frames >= 55, "\(report.frames) frames in 6 s")
                    let drift = try #require(report.srDriftPPM, "no SR drift measured")
                    #expect(abs(drift) < 200, "SRs stray from the RTP clock by \(drift) ppm")
                }
            }
        }

        static let faultYAML = FaultRig.serverBlock(mtu: 600) + "cameras:\n"
            + FaultRig.busyCamera("busy-live")
            + FaultRig.camera(
                "busy-loop", scene: "noise",
                stream: "{name: main, size: 480x270, fps: 30, bitrate: 20M, preset: ultrafast, mode: loop, loop: 2s}")

        /// `?loss=10` over UDP loses 10 % of a loop camera's packets, as it does a live one's.
        @Test func lossOnALoopViewerIsMeasuredAsOnALiveOne() async throws {
            try await FaultRig.with(Self.faultYAML) { server in
                let reports = await withTaskGroup(of: (String, ProbeReport).self) { group in
                    for path in ["busy-live", "busy-loop"] {
                        group.addTask {
                            var options = ProbeOptions(url: server.url(forPath: path) + "?loss=10")
                            options.transport = .udp
                            options.seconds = 20
                            options.packetLimit = 5_000
                            return (path, await ProbeSession.run(options))
                        }
                    }
                    return await group.reduce(into: [String: ProbeReport]()) { $0[$1.0] = $1.1 }
                }
                let live = try #require(reports["busy-live"]), loop = try #require(reports["busy-loop"])
                print("loss=10: live \(live.lossPct) % of \(live.expected), loop \(loop.lossPct) % of \(loop.expected)")
                for report in [live, loop] {
                    #expect(report.error == nil)
                    #expect(report.expected >= 4_000)
                    #expect(abs(report.lossPct - 10) <= 2.5, "\(report.lossPct) % over \(report.expected)")
                }
                #expect(abs(live.lossPct - loop.lossPct) <= 3)
            }
        }

        /// 200 loop cameras, each pulled for 10 s by `camsim probe` in another process: every
        /// one in real time, and all from one recording.
        @Test func twoHundredLoopCamerasPlayInRealTime() async throws {
            let count = 200
            let yaml = FaultRig.serverBlock() + """
                cameras:
                  - count: \(count)
                    path: "many-{n:03}"
                    scene: smpte-clock
                    seed: 77
                    streams:
                      - {name: main, size: 320x240, fps: 15, preset: ultrafast, mode: loop, loop: 2s}

                """
            let config = try FaultRig.parse(yaml)
            #expect(config.cameras.allSatisfy { $0.streams[0].gop == 15 }, "a loop's GOP defaults to one second")
            try await ConfigServer.with(config) { server in
                let list = FileManager.default.temporaryDirectory.appendingPathComponent("loop-urls-\(UUID()).txt")
                defer { try? FileManager.default.removeItem(at: list) }
                let urls = (1...count).map { server.url(forPath: String(format: "many-%03d", $0)) }
                try urls.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
                let result = try await CamsimBinary.run(
                    ["probe", "--urls-from", list.path, "--sessions", "\(count)", "--seconds", "10", "--json"],
                    timeoutSeconds: 90)
                let json = try #require(
                    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
                let sessions = try #require(json["sessions"] as? [[String: Any]])
                #expect(sessions.count == count)
                // Real time: 95 % of the frames due from the first frame on (a session's first
                // frame comes later when 200 connect at once).
                let slow = sessions.filter { session in
                    let playing = ((session["duration_s"] as? Double) ?? 0) - ((session["ttff_ms"] as? Double) ?? 10_000) / 1_000
                    return Double((session["frames"] as? Int) ?? 0) < 0.95 * 15 * playing
                }.map { "\($0["url"] ?? "?"): \($0["frames"] ?? 0) frames, ttff \($0["ttff_ms"] ?? "-") ms" }
                let fps = sessions.compactMap { $0["fps"] as? Double }.sorted()
                print("loop x\(count): fps \(fps.first ?? 0)…\(fps.last ?? 0), \(slow.count) sessions short; totals \(json["totals"] ?? "-")")
                let skipped = (1...count).compactMap { server.stream(atPath: String(format: "many-%03d", $0))?.counters.snapshot.framesSkipped }
                    .reduce(0, +)
                #expect(slow.isEmpty, "\(slow.count) sessions below 95 % of their frames (\(slow.prefix(3))); the server let \(skipped) frame slots pass unsent")
                #expect(fps.count == count && (fps.first ?? 0) >= 0.95 * 15, "slowest \(fps.first ?? 0) fps")
                let recordings = LoopLibrary.shared.recordingCount { $0.cameraText == "many-#" }
                #expect(recordings == 1, "\(recordings) recordings for cameras of one key")
            }
        }
    }
}
