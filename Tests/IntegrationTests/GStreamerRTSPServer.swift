import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// GStreamer's gst-rtsp-server as a foreign RTSP server, run from
/// Python/gst_rtsp_server.py with the system interpreter (python3-gi): H.264 from
/// videotestsrc through x264enc at a known size, rate and GOP, on 127.0.0.1.
final class GStreamerRTSPServer: @unchecked Sendable {
    /// The interpreter python3-gi is installed for.
    static let python = "/usr/bin/python3"
    static let script = PythonClients.repositoryRoot
        .appendingPathComponent("Tests/IntegrationTests/Python/gst_rtsp_server.py").path

    let process: Process
    let port: Int
    let path: String

    var url: String { "rtsp://127.0.0.1:\(port)/\(path)" }

    private init(process: Process, port: Int, path: String) {
        self.process = process
        self.port = port
        self.path = path
    }

    /// Starts the server and waits for the port it prints (it stops by itself after 120 s).
    static func start(
        width: Int = 320, height: Int = 240, fps: Int = 25, gop: Int = 25, path: String = "test"
    ) async throws -> GStreamerRTSPServer {
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) with python3-gi is needed")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--width", "\(width)", "--height", "\(height)", "--fps", "\(fps)",
                             "--gop", "\(gop)", "--path", path, "--seconds", "120"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port: Int? = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                // The first line is `PORT n`; EOF first means the script failed.
                var line: [UInt8] = []
                let handle = output.fileHandleForReading
                while true {
                    let byte = handle.readData(ofLength: 1)
                    guard let first = byte.first else { break }
                    if first == UInt8(ascii: "\n") { break }
                    line.append(first)
                }
                let text = String(decoding: line, as: UTF8.self)
                continuation.resume(returning: text.hasPrefix("PORT ") ? Int(text.dropFirst(5)) : nil)
            }
        }
        guard let port else {
            process.terminate()
            throw GStreamerServerError.noPort
        }
        return GStreamerRTSPServer(process: process, port: port, path: path)
    }

    /// Kills the server (SIGKILL: a SIGTERM can be masked in the inherited signal mask).
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Runs `body` with a started server, stopping it whatever happens.
    static func with<T>(
        width: Int = 320, height: Int = 240, fps: Int = 25, gop: Int = 25,
        _ body: (GStreamerRTSPServer) async throws -> T
    ) async throws -> T {
        let server = try await start(width: width, height: height, fps: fps, gop: gop)
        defer { server.stop() }
        return try await body(server)
    }
}

enum GStreamerServerError: Error {
    /// The script ended without printing its port (no python3-gi, no x264enc?).
    case noPort
}
