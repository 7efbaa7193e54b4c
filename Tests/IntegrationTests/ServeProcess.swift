import Foundation
import Testing

/// `camsim serve ...` as a child process: the URLs it prints, signals, and its exit.
/// Always `stop()` it; a deadline bounds every wait.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var printed = ""
    private var printedErrors = ""

    /// `launcher`: a command that runs camsim for it, and execs it in place (`ip netns exec NS`).
    init(_ arguments: [String], launcher: [String] = []) throws {
        let camsim = try CamsimBinary.path()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? camsim)
        // The control API defaults to 127.0.0.1:8080, which parallel tests would fight over:
        // off unless a test asks for it.
        let control = arguments.contains("--control") ? [] : ["--control", "off"]
        // WS-Discovery multicasts on the host's network: off unless a test asks for it.
        let discovery = arguments.contains("--discovery") ? [] : ["--no-discovery"]
        process.arguments = (launcher.isEmpty ? [] : Array(launcher.dropFirst()) + [camsim])
            + ["serve"] + arguments + control + discovery
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
            self.lock.withLock { self.printedErrors += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// The lines printed so far on standard output.
    var lines: [String] { lock.withLock { printed.split(separator: "\n").map(String.init) } }

    /// What it has written to standard error so far (its log, and the RTSPS fingerprint).
    var errorText: String { lock.withLock { printedErrors } }

    /// Waits until `count` lines are printed.
    func waitForLines(_ count: Int, timeoutSeconds: Double = 30) async -> [String] {
        _ = await Poll.until(timeoutSeconds: timeoutSeconds) { self.lines.count >= count }
        return lines
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// The process id (camsim's own, as a launcher execs it).
    var pid: Int32 { process.processIdentifier }

    /// Sends SIGTERM and waits for the exit; nil if it did not exit in time (then it is killed).
    func stop(timeoutSeconds: Double = 15) async -> Int32? {
        if process.isRunning { signal(SIGTERM) }
        let exited = await Poll.until(timeoutSeconds: timeoutSeconds) { !self.process.isRunning }
        if !exited {
            signal(SIGKILL)
            process.waitUntilExit()
        }
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        return exited ? process.terminationStatus : nil
    }
}
