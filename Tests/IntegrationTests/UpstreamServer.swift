import Foundation
import Testing

/// GStreamer's gst-rtsp-server (through python3-gi) as a foreign upstream for proxy
/// cameras: `Python/rtsp_upstream.py` serving videotestsrc through x264 at `/live`.
/// It prints its port and one line per RTSP session, which the tests count. Always
/// `stop()` it.
final class UpstreamServer: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var printed = ""
    private(set) var port = 0

    /// The system interpreter, which has the Debian python3-gi bindings (a virtualenv may not).
    static let python = "/usr/bin/python3"

    /// Starts the server on `port` (0: a free one) and waits until it listens.
    init(
        port: Int = 0, gop: Int = 25, fps: Int = 25, size: String = "320x240", bitrateKbps: Int = 300, codec: String = "h264",
        pattern: String = "ball"
    ) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "python3 with python3-gi must be installed")
        let script = PythonClients.repositoryRoot.appendingPathComponent("Tests/IntegrationTests/Python/rtsp_upstream.py").path
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [
            script, "--port", "\(port)", "--gop", "\(gop)", "--fps", "\(fps)", "--size", size, "--bitrate", "\(bitrateKbps)",
            "--codec", codec, "--pattern", pattern,
        ]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let listening = await Poll.until(timeoutSeconds: 20) { self.listeningPort != nil }
        try #require(listening, "gst-rtsp-server did not start (python3-gi and gir1.2-gst-rtsp-server-1.0 must be installed)")
        self.port = listeningPort ?? 0
    }

    private var lines: [Substring] { lock.withLock { printed.split(separator: "\n") } }

    private var listeningPort: Int? {
        lines.first { $0.hasPrefix("PORT ") }.flatMap { Int($0.dropFirst(5)) }
    }

    /// RTSP sessions the server has created so far.
    var sessions: Int { lines.filter { $0.hasPrefix("SESSION ") }.count }

    var url: String { "rtsp://127.0.0.1:\(port)/live" }

    /// Kills the server at once (no TEARDOWN, no BYE): an upstream that died.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
    }

    /// Runs `body` with a server, and stops it whatever happens.
    static func with<T>(
        gop: Int = 25, size: String = "320x240", bitrateKbps: Int = 300, codec: String = "h264",
        pattern: String = "ball", _ body: (UpstreamServer) async throws -> T
    ) async throws -> T {
        let server = try await UpstreamServer(gop: gop, size: size, bitrateKbps: bitrateKbps, codec: codec, pattern: pattern)
        defer { server.stop() }
        return try await body(server)
    }
}
