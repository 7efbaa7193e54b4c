import Foundation
import Testing

/// `/metrics` read by prometheus_client's own parser while ffmpeg pulls.
@Suite(.serialized) struct ControlMetricsTests {
    /// The page parsed by `Python/metrics_check.py`: family types and samples.
    struct Parsed {
        var contentType: String
        var families: [String: String]
        var samples: [(name: String, labels: [String: String], value: Double)]

        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            samples.first { sample in
                sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value }
            }?.value
        }
    }

    static func scrape(_ api: TestControlServer.Running) async throws -> Parsed {
        let result = try await PythonClients.runScript(
            "Tests/IntegrationTests/Python/metrics_check.py", [api.baseURL + "/metrics"], timeoutSeconds: 60)
        #expect(result.exitCode == 0, "prometheus_client could not parse /metrics: \(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let samples = (object["samples"] as? [[Any]] ?? []).compactMap { entry -> (String, [String: String], Double)? in
            guard entry.count == 3, let name = entry[0] as? String, let labels = entry[1] as? [String: String],
                  let value = (entry[2] as? NSNumber)?.doubleValue else { return nil }
            return (name, labels, value)
        }
        return Parsed(
            contentType: object["content_type"] as? String ?? "",
            families: object["families"] as? [String: String] ?? [:],
            samples: samples.map { (name: $0.0, labels: $0.1, value: $0.2) })
    }

    @Test func metricsParseAndTheirCountersMoveWhileFFmpegPulls() async throws {
        try await TestControlServer.with { api in
            let viewer = Task {
                try await Clients.ffmpegPull(
                    api.server.url(forPath: "cam"), transport: "udp",
                    output: ["-an", "-t", "20", "-f", "null", "-"], timeoutSeconds: 50)
            }
            defer { viewer.cancel() }
            let stream = ["camera": "cam", "stream": "main"]
            #expect(try await Poll.until(timeoutSeconds: 15, intervalSeconds: 0.25) {
                api.server.stream(atPath: "cam")?.viewerStatistics.packetsSent.load(ordering: .relaxed) ?? 0 > 0
            })
            let first = try await Self.scrape(api)
            #expect(first.contentType.hasPrefix("text/plain"))
            let expectedTypes: [String: String] = [
                "camsim_stream_frames_rendered": "counter", "camsim_stream_frames_encoded": "counter",
                "camsim_stream_frames_skipped": "counter", "camsim_stream_idrs_forced": "counter",
                "camsim_stream_packets_sent": "counter", "camsim_stream_bytes_sent": "counter",
                "camsim_stream_packets_produced": "counter", "camsim_stream_bytes_produced": "counter",
                "camsim_stream_viewers": "gauge", "camsim_stream_encode_duration_seconds": "histogram",
                "camsim_rtsp_requests": "counter", "camsim_sessions_started": "counter",
                "camsim_sessions_ended": "counter", "camsim_sessions_timed_out": "counter",
                "camsim_sessions": "gauge", "camsim_process_cpu_seconds": "counter",
                "camsim_process_resident_memory_bytes": "gauge", "camsim_shared_encoders": "gauge",
                "camsim_loops": "gauge", "camsim_loop_bytes": "gauge",
            ]
            for (name, type) in expectedTypes {
                #expect(first.families[name] == type, "\(name): \(first.families[name] ?? "missing")")
            }
            #expect(first.value("camsim_stream_viewers", stream.merging(["transport": "udp"]) { $1 }) == 1)
            #expect(first.value("camsim_rtsp_requests_total", ["method": "PLAY", "status": "200"]) == 1)
            #expect(first.value("camsim_sessions_started_total") == 1)
            #expect((first.value("camsim_process_resident_memory_bytes") ?? 0) > 1_000_000)
            #expect((first.value("camsim_stream_encode_duration_seconds_count", stream) ?? 0) > 0)
            let packets = try #require(first.value("camsim_stream_packets_sent_total", stream))
            let bytes = try #require(first.value("camsim_stream_bytes_sent_total", stream))
            let frames = try #require(first.value("camsim_stream_frames_encoded_total", stream))

            // A second later the counters have moved on.
            var second = first
            #expect(try await Poll.until(timeoutSeconds: 10, intervalSeconds: 0.5) {
                second = try await Self.scrape(api)
                return (second.value("camsim_stream_frames_encoded_total", stream) ?? 0) >= frames + 10
            })
            #expect((second.value("camsim_stream_packets_sent_total", stream) ?? 0) > packets)
            #expect((second.value("camsim_stream_bytes_sent_total", stream) ?? 0) > bytes)
        }
    }

    /// A playing `mode: loop` camera shows its loop in `camsim_loops` and its bytes in
    /// `camsim_loop_bytes` (other tests' loops may add to both: the library is the process's).
    @Test func aPlayingLoopCameraShowsItsLoop() async throws {
        var config = TestControlServer.config(cameras: ["looped"])
        config.cameras[0].streams[0].mode = .loop
        config.cameras[0].streams[0].loopSeconds = 1
        try await TestControlServer.with(config: config) { api in
            let viewer = Task {
                try await Clients.ffmpegPull(
                    api.server.url(forPath: "looped"), transport: "tcp",
                    output: ["-an", "-t", "20", "-f", "null", "-"], timeoutSeconds: 50)
            }
            defer { viewer.cancel() }
            var parsed = try await Self.scrape(api)
            let held = try await Poll.until(timeoutSeconds: 30, intervalSeconds: 0.5) {
                parsed = try await Self.scrape(api)
                return (parsed.value("camsim_loops") ?? 0) >= 1
            }
            #expect(held, "camsim_loops never reached 1")
            // A second of 640x360 at 15 fps is some kilobytes at least.
            #expect((parsed.value("camsim_loop_bytes") ?? 0) > 10_000)
        }
    }
}
