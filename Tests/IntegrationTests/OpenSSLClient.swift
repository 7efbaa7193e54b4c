import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// RTSPS clients built on `openssl s_client`, a TLS stack camsim does not share: a raw
/// RTSP client whose bytes it carries over TLS, and a fetch of the served certificate.
enum OpenSSLClient {
    static func openssl() throws -> String {
        try #require(ClientProcess.resolve("openssl"), "openssl must be installed (Debian: openssl)")
    }

    /// A TLS connection to `port` made by `openssl s_client`, as the test's end of a
    /// socket pair: plaintext written there goes out over TLS, and what the server sends
    /// comes back decrypted. The caller closes the socket and stops the process.
    static func connect(port: Int) throws -> (socket: Int32, process: TLSClientProcess) {
        var pair: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0, "socketpair: errno \(errno)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try openssl())
        // -quiet: only the server's application data on stdout, no interactive commands.
        process.arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-quiet", "-verify_quiet"]
        let end = FileHandle(fileDescriptor: pair[1], closeOnDealloc: true)
        process.standardInput = end
        process.standardOutput = end
        process.standardError = FileHandle.nullDevice
        let running = try TLSClientProcess(starting: process)
        try end.close()
        return (pair[0], running)
    }

    /// A `RawRTSPClient` speaking RTSP over TLS through `connect(port:)`.
    static func rawClient(port: Int, timeoutSeconds: Double = 10) throws -> (RawRTSPClient, TLSClientProcess) {
        let (socket, process) = try connect(port: port)
        return (RawRTSPClient(connectedSocket: socket, timeoutSeconds: timeoutSeconds), process)
    }

    /// The certificate the TLS server on `port` presents, as PEM, fetched with s_client.
    static func servedCertificate(port: Int) async throws -> String {
        let result = await ClientProcess.run(
            try openssl(), ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"], timeoutSeconds: 30)
        let text = result.stdout
        let begin = try #require(text.range(of: "-----BEGIN CERTIFICATE-----"), "no certificate from s_client:\n\(result)")
        let end = try #require(text.range(of: "-----END CERTIFICATE-----"), "no certificate end from s_client:\n\(result)")
        return String(text[begin.lowerBound..<end.upperBound]) + "\n"
    }

    /// `openssl x509 <arguments>` run on the PEM certificate `pem`; its standard output.
    static func x509(_ pem: String, _ arguments: [String]) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-cert-\(UUID().uuidString).pem")
        try pem.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = await ClientProcess.run(try openssl(), ["x509", "-in", file.path, "-noout"] + arguments, timeoutSeconds: 30)
        try #require(result.succeeded, "\(result)")
        return result.stdout
    }

    /// The SHA-256 fingerprint as openssl prints it: `AB:CD:...`.
    static func fingerprint(_ pem: String) async throws -> String {
        let line = try await x509(pem, ["-fingerprint", "-sha256"])
        // "sha256 Fingerprint=AB:CD:..." (the label's case differs between OpenSSL versions).
        let value = try #require(line.split(separator: "=", maxSplits: 1).last, "unexpected: \(line)")
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A self-signed P-256 certificate and key for `127.0.0.1` made with `openssl req`, in a
    /// fresh directory: (certificate path, key path, directory).
    static func makeCertificate(commonName: String) async throws -> (certificate: String, key: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let result = await ClientProcess.run(try openssl(), [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=\(commonName)",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ], timeoutSeconds: 30)
        try #require(result.succeeded, "\(result)")
        return (certificate, key, directory)
    }
}

/// A running `openssl s_client`; `stop` kills it, as abruptly as a client that crashes.
final class TLSClientProcess {
    private let process: Process
    private let exited = DispatchSemaphore(value: 0)
    private var reaped = false

    init(starting process: Process) throws {
        self.process = process
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
    }

    func stop() {
        guard !reaped else { return }
        reaped = true
        // SIGKILL: the test process's blocked signals pass to its children, SIGTERM among them.
        kill(process.processIdentifier, SIGKILL)
        _ = exited.wait(timeout: .now() + 10)
    }

    deinit { stop() }
}
