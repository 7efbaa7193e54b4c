/// Start-up and idle memory with many configured cameras (`--only startup`).
extension Bench {
    static func printStartup(quick: Bool) async throws {
        let benchmark = StartupBenchmark(settleSeconds: quick ? 2 : 5, requests: quick ? 3 : 9)
        // A first launch reads the binary and libraries from disk: warm up, then measure.
        _ = try await benchmark.sample(cameras: 1)
        let baseline = try await benchmark.sample(cameras: 1)
        print("Start-up of camsim serve (a fresh process each), configured cameras idle (main 1280x720@30 + sub 640x360@15, smpte-clock, from one template)")
        print("  cameras  to listening  vs 1 camera  resident   per idle camera  idle CPU  GET /metrics  GET /api/v1/cameras")
        func row(_ sample: StartupBenchmark.Sample) -> String {
            let perCamera = sample.cameras > 1
                ? format(Double(sample.residentBytes - baseline.residentBytes) / Double(sample.cameras - 1) / 1024, 1) + " KiB"
                : "baseline"
            return "  \(pad(sample.cameras, 7))  \(pad(format(sample.secondsToListening * 1000, 0) + " ms", 12))"
                + "  \(pad(format(sample.secondsToListening / baseline.secondsToListening, 2) + "x", 11))"
                + "  \(pad(format(Double(sample.residentBytes) / 1_048_576, 1) + " MiB", 9))  \(pad(perCamera, 15))"
                + "  \(pad(format(sample.idleCoreShare * 100, 2) + "%", 8))"
                + "  \(pad(format(sample.metricsMilliseconds, 1) + " ms", 12))  \(pad(format(sample.listingMilliseconds, 1) + " ms", 19))"
        }
        print(row(baseline))
        for count in [1000, 10_000] {
            print(row(try await benchmark.sample(cameras: count)))
        }
        print("  budget: 10000 cameras listening within 2 s, at most 20 KB resident per idle camera")
        print("")
    }
}
