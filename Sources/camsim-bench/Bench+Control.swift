import Foundation
import Frames

/// The control-plane figures: what API traffic costs live viewers, and scrape time at scale.
extension Bench {
    static func control(library: SceneLibrary, quick: Bool) async throws {
        let benchmark = ControlBenchmark(
            library: library, liveCameras: 20, requestsPerSecond: 50, windowSeconds: quick ? 3 : 6,
            rounds: quick ? 1 : 3, scrapeCameras: 1000, scrapes: quick ? 50 : 200)
        let load = try await benchmark.runLoad()
        print("Control API load, \(benchmark.liveCameras) cameras 320x240@15 with one loopback TCP viewer each; windows of \(format(benchmark.windowSeconds, 0)) s without, then with \(benchmark.requestsPerSecond) requests/s (GET /api/v1/sessions and GET /metrics in turn), \(benchmark.rounds) rounds")
        let quiet = load.quiet.reduce(0, +)
        let loaded = load.loaded.reduce(0, +)
        let expected = benchmark.liveCameras * 15 * Int(benchmark.windowSeconds) * benchmark.rounds
        print("  frames to viewers   expected \(expected) per kind of window; without API \(quiet), with API \(loaded): ratio with/without \(format(Double(loaded) / Double(max(quiet, 1)), 3))x   (by round: \(zip(load.loaded, load.quiet).map { format(Double($0) / Double(max($1, 1)), 3) }.joined(separator: ", ")))")
        print("  frames skipped      without API \(load.quietSkipped), with API \(load.loadedSkipped)")
        let sorted = load.latencies.sorted()
        print("  API requests        \(load.requests) answered, \(load.failedRequests) failed; latency median \(format(percentile(sorted, 0.5), 2)) ms, p99 \(format(percentile(sorted, 0.99), 2)) ms")
        print("")

        let scrape = try await benchmark.runScrape()
        let times = scrape.latencies.sorted()
        print("GET /metrics with \(benchmark.scrapeCameras) configured cameras (main + sub, idle), \(benchmark.scrapes) scrapes one after another")
        print("  \(scrape.series) series, \(format(Double(scrape.bytes) / 1024, 0)) KiB; first scrape \(format(scrape.latencies.first ?? .nan, 2)) ms; latency median \(format(percentile(times, 0.5), 2)) ms, p99 \(format(percentile(times, 0.99), 2)) ms, max \(format(times.last ?? .nan, 2)) ms   (budget 100 ms)")
        print("")
    }

    /// The value below which `fraction` of `sorted` lies (nearest rank).
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
