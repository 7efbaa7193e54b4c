import Foundation
import Frames

/// `--only onvif`: CPU per SOAP request (goal under 5 ms) and WS-Discovery's datagrams at 500 cameras.
extension Bench {
    static func onvif(library: SceneLibrary, quick: Bool) async throws {
        let benchmark = ONVIFBenchmark(library: library, requests: quick ? 300 : 1000)
        let count = benchmark.requests
        let now = ONVIFBenchmark.now()
        func line(_ cost: ONVIFBenchmark.Cost, floor: ONVIFBenchmark.Cost) -> String {
            let name = cost.name.padding(toLength: 34, withPad: " ", startingAt: 0)
            return "  \(name)\(format(cost.perRequest / 1_000_000, 3)) ms CPU/request   \(format(cost.perRequest / floor.perRequest, 2))x the floor   failures \(cost.failures)"
        }

        print("ONVIF SOAP in-process (XMLGuard + parse, dispatch, UsernameToken digest with replay cache, answer), \(count) requests each")
        let floor = benchmark.inProcess("GetSystemDateAndTime (no auth)", ONVIFRequests.bodies(ONVIFRequests.getSystemDateAndTime, count: count, signed: false, now: now))
        let profilesBodies = ONVIFRequests.bodies(ONVIFRequests.getProfiles, count: count, signed: true, now: now)
        let parse = benchmark.parseOnly("XML parse only (GetProfiles body)", profilesBodies)
        let information = benchmark.inProcess("GetDeviceInformation (digest)", ONVIFRequests.bodies(ONVIFRequests.getDeviceInformation, count: count, signed: true, now: now, firstIndex: count))
        let profiles = benchmark.inProcess("GetProfiles (digest, 2 profiles)", profilesBodies)
        for cost in [floor, parse, information, profiles] { print(line(cost, floor: floor)) }
        print("")

        print("ONVIF SOAP over HTTP: server process CPU while curl (another process) posts \(count) requests on one connection")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-bench-onvif-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let http = try await benchmark.withServer { base in
            let url = base + "/device_service"
            let start = ONVIFBenchmark.now()
            let floor = try await benchmark.overHTTP("GetSystemDateAndTime (no auth)", url: url, bodies: ONVIFRequests.bodies(ONVIFRequests.getSystemDateAndTime, count: count, signed: false, now: start), directory: directory)
            let information = try await benchmark.overHTTP("GetDeviceInformation (digest)", url: url, bodies: ONVIFRequests.bodies(ONVIFRequests.getDeviceInformation, count: count, signed: true, now: start, firstIndex: 2 * count), directory: directory)
            let profiles = try await benchmark.overHTTP("GetProfiles (digest)", url: base + "/media_service", bodies: ONVIFRequests.bodies(ONVIFRequests.getProfiles, count: count, signed: true, now: start, firstIndex: 3 * count), directory: directory)
            return [floor, information, profiles]
        }
        for cost in http { print(line(cost, floor: http[0])) }
        print("  goal: under 5 ms CPU per request")
        print("")

        for cameras in [20, 500] {
            let figures = benchmark.discovery(cameras: cameras)
            let spread = figures.firstSends.map { Double($0) / 1_000_000 }
            print("WS-Discovery: one multicast Probe answered by \(cameras) cameras")
            print("  \(figures.datagrams) ProbeMatches datagrams (+\(figures.repeats) repeats, UNICAST_UDP_REPEAT 1), largest \(figures.largest) B (budget < 1400), \(format(Double(figures.totalBytes) / 1024, 1)) KiB in all, \(format(Double(cameras) / Double(max(figures.datagrams, 1)), 2)) cameras per datagram")
            print("  first sends over \(format(spread.first ?? 0, 1))–\(format(spread.last ?? 0, 1)) ms after the Probe (APP_MAX_DELAY 500 ms): median \(format(percentile(spread, 0.5), 1)) ms, at most \(Self.busiest(figures.firstSends)) in any 10 ms")
            print("  CPU to answer \(format(Double(figures.answerCPU) / 1_000_000, 2)) ms, \(format(Double(figures.answerCPU) / Double(max(figures.parseCPU, 1)), 1))x the Probe's parse alone (\(format(Double(figures.parseCPU) / 1_000, 1)) µs)")
            print("")
        }
    }

    /// The most sends in any 10 ms window.
    static func busiest(_ sorted: [Int64]) -> Int {
        var best = 0
        var low = 0
        for high in sorted.indices {
            while sorted[high] - sorted[low] >= 10_000_000 { low += 1 }
            best = max(best, high - low + 1)
        }
        return best
    }
}
