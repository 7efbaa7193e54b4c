import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tests/IntegrationTests/Python/gst_rtsp_server.py run with the system python3 (the one
/// python3-gi is installed for), until `stop()`.
final class GStreamerRTSPServer: @unchecked Sendable {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Python/gst_rtsp_server.py").path

    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts the server and waits (at most 20 s) for its `PORT n` line.
    static func start(_ arguments: [String]) throws -> GStreamerRTSPServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        // The server stops by itself after 30 s should the test never stop it.
        process.arguments = [script] + arguments + ["--seconds", "30"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var text = ""
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }), let port = Int(line.dropFirst(5)) {
                return GStreamerRTSPServer(process: process, port: port)
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw GStreamerServerError(output: text)
    }

    /// Kills the server (GLib's main loop does not end on SIGTERM while it waits) and reaps it.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

struct GStreamerServerError: Error, CustomStringConvertible {
    let output: String
    var description: String { "gst_rtsp_server.py did not print its port: \(output)" }
}
