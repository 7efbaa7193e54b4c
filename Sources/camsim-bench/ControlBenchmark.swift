import Composition
import Config
import Control
import Foundation
import Frames
import Logging
import Server
import ServiceLifecycle
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The control plane's cost to the media path, and its scrape time at scale:
/// - live cameras with one loopback TCP viewer each, their frames counted in a window
///   with no API traffic and in one with `requestsPerSecond` API requests (the sessions
///   list and `/metrics` in turn), alternating, so both see the same machine;
/// - `/metrics` with `scrapeCameras` configured cameras (idle), scraped again and again.
struct ControlBenchmark {
    let library: SceneLibrary
    let liveCameras: Int
    let requestsPerSecond: Int
    let windowSeconds: Double
    let rounds: Int
    let scrapeCameras: Int
    let scrapes: Int

    struct LoadResult {
        /// Frames the viewers received per window, without and with the API load, by round.
        var quiet: [Int]
        var loaded: [Int]
        /// Frames the cameras skipped (encoder behind) in each kind of window.
        var quietSkipped: Int
        var loadedSkipped: Int
        /// API requests answered, and their latencies in ms.
        var requests: Int
        var failedRequests: Int
        var latencies: [Double]
    }

    struct ScrapeResult {
        var latencies: [Double]
        var bytes: Int
        var series: Int
    }

    static func config(cameras: Int, streams: [StreamConfig]) -> CamsimConfig {
        var config = CamsimConfig(cameras: (1...cameras).map { index in
            CameraConfig(path: "cam-\(index)", streams: streams, idleStopSeconds: 0, seed: UInt64(index))
        })
        config.server.bind = "127.0.0.1"
        config.server.port = 0
        return config
    }

    /// Runs `body` with a server for `config` and its control API on 127.0.0.1.
    func withControl<T>(_ config: CamsimConfig, _ body: (CamsimServer, String) async throws -> T) async throws -> T {
        let server = try CamsimServer(config: config, scenes: library, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await server.start()
        let running = RunningConfiguration(server: server, config: config, scenes: library)
        let control = ControlServer(
            settings: ControlSettings(host: "127.0.0.1", port: 0),
            api: ControlAPI(server: server, running: running, scenes: library),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let group = ServiceGroup(services: [control], logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let serving = Task { try await group.run() }
        defer { serving.cancel() }
        let address = try await control.boundAddress()
        do {
            let result = try await body(server, "http://\(address.description)")
            await group.triggerGracefulShutdown()
            _ = await serving.result
            await server.shutdown()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = await serving.result
            await server.shutdown()
            throw error
        }
    }

    func runLoad() async throws -> LoadResult {
        let streams = [StreamConfig(width: 320, height: 240, fps: 15, rateControl: .bitrate(kbps: 300), gop: 30)]
        return try await withControl(Self.config(cameras: liveCameras, streams: streams)) { server, base in
            let viewers = (1...liveCameras).map { LoopbackViewer(url: server.url(forPath: "cam-\($0)"), port: server.port) }
            viewers.forEach { $0.start() }
            defer { viewers.forEach { $0.stop() } }
            try await Task.sleep(for: .seconds(3))  // warm-up: every viewer past its first IDR
            if let failure = viewers.compactMap(\.failure).first { throw BenchError.protocolError(failure) }
            let streams = (1...liveCameras).compactMap { server.stream(atPath: "cam-\($0)") }
            func skipped() -> Int { streams.reduce(0) { $0 + $1.counters.snapshot.framesSkipped } }
            func frames() -> Int { viewers.reduce(0) { $0 + $1.frameCount } }
            var result = LoadResult(quiet: [], loaded: [], quietSkipped: 0, loadedSkipped: 0, requests: 0, failedRequests: 0, latencies: [])
            for _ in 0..<rounds {
                var (startFrames, startSkipped) = (frames(), skipped())
                try await Task.sleep(for: .seconds(windowSeconds))
                result.quiet.append(frames() - startFrames)
                result.quietSkipped += skipped() - startSkipped

                (startFrames, startSkipped) = (frames(), skipped())
                let loadStart = Date()
                let load = try await apiLoad(base: base, seconds: windowSeconds)
                // Both windows last the same: the last request goes out a little before the end.
                let rest = windowSeconds - Date().timeIntervalSince(loadStart)
                if rest > 0 { try await Task.sleep(for: .seconds(rest)) }
                result.loaded.append(frames() - startFrames)
                result.loadedSkipped += skipped() - startSkipped
                result.requests += load.latencies.count
                result.failedRequests += load.failures
                result.latencies += load.latencies
            }
            return result
        }
    }

    /// `requestsPerSecond` requests for `seconds`, on a fixed schedule, the sessions list
    /// and `/metrics` in turn; each runs on its own, so a slow answer does not delay the next.
    private func apiLoad(base: String, seconds: Double) async throws -> (latencies: [Double], failures: Int) {
        let count = Int(seconds * Double(requestsPerSecond))
        let interval = 1.0 / Double(requestsPerSecond)
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let start = Date()
        return await withTaskGroup(of: Double?.self) { group in
            for index in 0..<count {
                let due = start.addingTimeInterval(Double(index) * interval)
                let wait = due.timeIntervalSinceNow
                if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
                let path = index % 2 == 0 ? "/api/v1/sessions" : "/metrics"
                group.addTask { await Self.timedGet(session, base + path) }
            }
            var latencies: [Double] = []
            var failures = 0
            for await latency in group {
                if let latency { latencies.append(latency) } else { failures += 1 }
            }
            return (latencies, failures)
        }
    }

    /// Milliseconds until the whole answer is in, or nil when it failed.
    private static func timedGet(_ session: URLSession, _ url: String) async -> Double? {
        let started = Date()
        do {
            let (data, response) = try await session.data(from: URL(string: url)!)
            guard (response as? HTTPURLResponse)?.statusCode == 200, !data.isEmpty else { return nil }
            return Date().timeIntervalSince(started) * 1_000
        } catch {
            return nil
        }
    }

    func runScrape() async throws -> ScrapeResult {
        let streams = [
            StreamConfig(name: "main", width: 640, height: 360, fps: 15),
            StreamConfig(name: "sub", width: 320, height: 180, fps: 15),
        ]
        return try await withControl(Self.config(cameras: scrapeCameras, streams: streams)) { _, base in
            let session = URLSession(configuration: .ephemeral)
            defer { session.finishTasksAndInvalidate() }
            var latencies: [Double] = []
            var last = Data()
            for _ in 0..<scrapes {
                let started = Date()
                let (data, _) = try await session.data(from: URL(string: base + "/metrics")!)
                latencies.append(Date().timeIntervalSince(started) * 1_000)
                last = data
            }
            let text = String(decoding: last, as: UTF8.self)
            let series = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count
            return ScrapeResult(latencies: latencies, bytes: last.count, series: series)
        }
    }
}
