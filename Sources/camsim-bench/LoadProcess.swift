import Foundation

/// `camsim-load` run as a child process, so the load is neither the server's code nor
/// its CPU: found beside this executable, its output read line by line as it comes.
final class LoadProcess: @unchecked Sendable {
    /// One `kind key=value ...` line of the load's output.
    struct Line {
        var kind: String
        var fields: [String: String]

        init?(_ text: Substring) {
            let words = text.split(separator: " ")
            guard let first = words.first else { return nil }
            kind = String(first)
            fields = [:]
            for word in words.dropFirst() {
                let pair = word.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
            }
        }

        func int(_ key: String) -> Int { fields[key].flatMap { Int($0) } ?? 0 }
        func double(_ key: String) -> Double { fields[key].flatMap { Double($0) } ?? .nan }
    }

    private let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var text = ""
    private var lines: [Line] = []
    /// `failure ...` lines, as printed.
    private(set) var failures: [String] = []

    /// Starts `camsim-load` with `arguments`.
    init(_ arguments: [String]) throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let executable = directory.appendingPathComponent("camsim-load")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchError.protocolError("\(executable.path) is missing: build the camsim-load product too")
        }
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.take(handle.availableData)
        }
        try process.run()
    }

    private func take(_ data: Data) {
        lock.withLock {
            text += String(decoding: data, as: UTF8.self)
            while let newline = text.firstIndex(of: "\n") {
                let line = text[..<newline]
                if line.hasPrefix("failure ") { failures.append(String(line)) }
                if let parsed = Line(line) { lines.append(parsed) }
                text.removeSubrange(...newline)
            }
        }
    }

    /// The first line of `kind`, waiting up to `timeoutSeconds`; nil if it never came
    /// (or the load exited first).
    func line(_ kind: String, timeoutSeconds: Double) async -> Line? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if let found = lock.withLock({ lines.first { $0.kind == kind } }) { return found }
            if !process.isRunning {
                try? await Task.sleep(for: .milliseconds(100))  // the last output may still be in the pipe
                return lock.withLock { lines.first { $0.kind == kind } }
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Waits for the process to end, stopping it after `timeoutSeconds`.
    func finish(timeoutSeconds: Double = 10) async {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        output.fileHandleForReading.readabilityHandler = nil
    }
}
