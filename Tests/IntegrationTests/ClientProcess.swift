import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What an external client process did: its exit status, its output, how long it ran,
/// and whether it had to be killed for overrunning its timeout.
struct ProcessResult: Sendable, CustomStringConvertible {
    var executable: String
    var arguments: [String]
    var exitCode: Int32
    var stdout: String
    var stderr: String
    var elapsedSeconds: Double
    var timedOut: Bool

    var succeeded: Bool { !timedOut && exitCode == 0 }

    var description: String {
        let command = ([executable] + arguments).joined(separator: " ")
        return """
            $ \(command)
            exit \(exitCode)\(timedOut ? " (killed after timeout)" : "") in \(String(format: "%.2f", elapsedSeconds)) s
            --- stderr ---
            \(stderr.suffix(4000))
            --- stdout (tail) ---
            \(stdout.suffix(2000))
            """
    }
}

/// Runs an external client (ffmpeg, ffprobe, gst-launch-1.0) with a hard timeout.
///
/// Output is drained on background threads so a chatty client never blocks on a full
/// pipe; a client still running at the deadline is killed and reported as timed out.
enum ClientProcess {
    /// The absolute path of `name` found on `PATH` (plus the usual system directories), or nil.
    static func resolve(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var directories = path.split(separator: ":").map(String.init)
        directories += ["/usr/local/bin", "/usr/bin", "/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, waiting at most `timeoutSeconds`.
    static func run(_ executable: String, _ arguments: [String], timeoutSeconds: Double) async -> ProcessResult {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: runBlocking(executable, arguments, timeoutSeconds: timeoutSeconds))
            }
        }
    }

    /// The blocking body of `run`, on its own thread.
    private static func runBlocking(_ executable: String, _ arguments: [String], timeoutSeconds: Double) -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }

        let output = OutputCollector()
        let readers = DispatchGroup()
        let start = Date()
        do {
            try process.run()
        } catch {
            return ProcessResult(
                executable: executable, arguments: arguments, exitCode: -1, stdout: "",
                stderr: "failed to launch: \(error)", elapsedSeconds: 0, timedOut: false)
        }
        for (pipe, isError) in [(outPipe, false), (errPipe, true)] {
            readers.enter()
            Thread.detachNewThread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                output.store(data, isError: isError)
                readers.leave()
            }
        }

        var timedOut = false
        if exited.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            _ = exited.wait(timeout: .now() + 10)
        }
        let elapsed = Date().timeIntervalSince(start)
        // A grandchild holding the pipes open must not hang the test either.
        _ = readers.wait(timeout: .now() + 10)
        let (stdout, stderr) = output.strings
        return ProcessResult(
            executable: executable, arguments: arguments,
            exitCode: process.isRunning ? -1 : process.terminationStatus,
            stdout: stdout, stderr: stderr, elapsedSeconds: elapsed, timedOut: timedOut)
    }
}

/// Collects a process's stdout and stderr from the reader threads.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func store(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { err = data } else { out = data }
    }

    var strings: (String, String) {
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
