import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// Out of file descriptors, the listener backs off instead of calling `accept` in a
    /// tight loop, and serves again once descriptors are free. Runs `camsim serve` in a
    /// child process under a low `ulimit -n`, so the test process keeps its own limit.
    @Suite
    struct DescriptorExhaustionTests {
        @Test
        func listenerOutOfDescriptorsBacksOffAndRecovers() async throws {
            let binary = try CamsimBinary.path()
            let serve = try ShellServe("ulimit -n 64 && exec '\(binary)' serve --bind 127.0.0.1 --port 0 --cameras 1 --size 320x240 --control off")
            defer { serve.stop() }
            let lines = await serve.waitForLines(1)
            let url = try #require(lines.first, "serve printed nothing")
            let port = try #require(URL(string: url)?.port, "\(url)")

            // More connections than descriptors: the kernel completes them in the backlog,
            // and every accept past the limit fails with EMFILE.
            var flood: [Int32] = []
            defer { flood.forEach { _ = Glibc.close($0) } }
            for _ in 0..<120 {
                guard let fd = try? LoopbackSockets.connectTCP(port: port) else { break }
                flood.append(fd)
            }
            #expect(flood.count >= 80, "only \(flood.count) connections could be opened")
            let full = await Poll.until(timeoutSeconds: 10) { (serve.openDescriptors ?? 0) >= 60 }
            #expect(full, "the server never ran out of descriptors: \(serve.openDescriptors ?? -1) open")

            // The measuring window: CPU the server uses over 3 s with no descriptor left.
            let before = try #require(serve.cpuSeconds)
            let start = Date()
            try await Task.sleep(for: .seconds(3))
            let used = try #require(serve.cpuSeconds) - before
            let elapsed = Date().timeIntervalSince(start)
            #expect(used < 0.1 * elapsed + 0.1, "the server used \(used) s of CPU in \(elapsed) s with no descriptors left")

            flood.forEach { _ = Glibc.close($0) }
            flood.removeAll()
            let recovered = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.25) {
                guard let client = try? RawRTSPClient(port: port, timeoutSeconds: 2) else { return false }
                return (try? client.request("OPTIONS", url))?.status == 200
            }
            #expect(recovered, "the server did not answer OPTIONS after the connections closed")
        }
    }
}

/// `camsim serve` started through /bin/sh (for `ulimit`), with its CPU time and open
/// descriptors read from /proc.
final class ShellServe: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var printed = ""

    init(_ command: String) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var lines: [String] { lock.withLock { printed.split(separator: "\n").map(String.init) } }

    func waitForLines(_ count: Int, timeoutSeconds: Double = 30) async -> [String] {
        _ = await Poll.until(timeoutSeconds: timeoutSeconds) { self.lines.count >= count }
        return lines
    }

    /// User plus system CPU time of the process (`exec` made it the shell's pid), from
    /// fields 14 and 15 of /proc/PID/stat.
    var cpuSeconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: field 3 is index 0, so utime (14) and stime (15) are 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    var openDescriptors: Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd"))?.count
    }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
