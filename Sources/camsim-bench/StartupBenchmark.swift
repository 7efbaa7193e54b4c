import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `camsim serve` with many configured, idle cameras, each count in a fresh process of the
/// real binary: the time from launch to its `listening` log line, its resident memory once
/// settled, and how long the control API takes to list the cameras and to answer a
/// Prometheus scrape. The same process with one camera is the baseline.
struct StartupBenchmark {
    /// One process's figures.
    struct Sample {
        var cameras: Int
        var secondsToListening: Double
        var residentBytes: Int
        /// CPU the idle process used while settling, as a share of one core.
        var idleCoreShare: Double
        /// Median milliseconds of `GET /metrics`, and of `GET /api/v1/cameras`.
        var metricsMilliseconds: Double
        var listingMilliseconds: Double
    }

    let settleSeconds: Double
    let requests: Int

    /// The configuration file: one template of `count` cameras, each with a main and a sub
    /// stream, idle until watched.
    static func yaml(count: Int) -> String {
        """
        cameras:
          - count: \(count)
            path: "cam-{n:05}"
            scene: smpte-clock
            streams:
              - {name: main, size: 1280x720, fps: 30}
              - {name: sub, size: 640x360, fps: 15}

        """
    }

    func sample(cameras count: Int) async throws -> Sample {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-startup-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cameras.yaml")
        try Self.yaml(count: count).write(to: file, atomically: true, encoding: .utf8)

        let started = Date()
        let serve = try ServeProcess([
            "serve", "--config", file.path, "--bind", "127.0.0.1", "--port", "0", "--control", "127.0.0.1:0",
        ])
        defer { serve.stop() }
        guard await serve.wait(timeoutSeconds: 120, until: { serve.errorText.contains("listening") }) else {
            throw BenchError.protocolError("camsim serve with \(count) cameras did not listen: \(serve.errorText.suffix(500))")
        }
        let listening = Date().timeIntervalSince(started)
        guard await serve.wait(timeoutSeconds: 60, until: { serve.outputText.contains("dashboard: ") }),
              let line = serve.outputText.split(separator: "\n").first(where: { $0.hasPrefix("dashboard: ") })
        else {
            throw BenchError.protocolError("camsim serve with \(count) cameras printed no dashboard address")
        }
        var base = String(line.dropFirst("dashboard: ".count))
        if base.hasSuffix("/") { base.removeLast() }
        // Settle before reading memory; the CPU it uses meanwhile is its idle cost.
        let cpuBefore = serve.cpuSeconds
        let settleStart = Date()
        try await Task.sleep(for: .seconds(settleSeconds))
        let idleCoreShare = (serve.cpuSeconds - cpuBefore) / Date().timeIntervalSince(settleStart)
        let resident = serve.residentBytes
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let metrics = try await Self.medianGet(session, base + "/metrics", count: requests)
        let listing = try await Self.medianGet(session, base + "/api/v1/cameras", count: requests)
        return Sample(cameras: count, secondsToListening: listening, residentBytes: resident, idleCoreShare: idleCoreShare,
                      metricsMilliseconds: metrics, listingMilliseconds: listing)
    }

    /// The median of `count` timed GETs of `url`, in milliseconds.
    static func medianGet(_ session: URLSession, _ url: String, count: Int) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<count {
            let started = Date()
            let (data, response) = try await session.data(from: URL(string: url)!)
            guard (response as? HTTPURLResponse)?.statusCode == 200, !data.isEmpty else {
                throw BenchError.protocolError("GET \(url) failed")
            }
            times.append(Date().timeIntervalSince(started) * 1_000)
        }
        return times.sorted()[times.count / 2]
    }
}

/// `camsim serve` run from beside this executable, its output and log collected, its
/// resident memory read from /proc.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var printed = ""
    private var logged = ""

    init(_ arguments: [String]) throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let executable = directory.appendingPathComponent("camsim")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchError.protocolError("\(executable.path) is missing: build the camsim product too")
        }
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.logged += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var outputText: String { lock.withLock { printed } }
    var errorText: String { lock.withLock { logged } }

    /// Polls `condition` every 5 ms; false when the process ends or time runs out first.
    func wait(timeoutSeconds: Double, until condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition()
    }

    /// `VmRSS` of the process, in bytes.
    var residentBytes: Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
    }

    /// User plus system CPU seconds of the process, fields 14 and 15 of /proc/PID/stat.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
