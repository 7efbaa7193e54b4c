import Foundation
import Testing
@testable import Config

/// `server.tls` and `--tls-port`: RTSPS is on when either is given; the files must be readable.
@Suite struct TLSSettingsTests {
    /// A readable file in a fresh temporary directory, removed by the caller.
    static func temporaryFile(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-tls-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func offWithoutTheKey() throws {
        #expect(try parse("server:\n  port: 9554\n").server.tls == nil)
        #expect(try parse("server:\n  tls: ~\n").server.tls == nil)
    }

    @Test func anEmptyMappingTurnsItOnWithASelfSignedCertificate() throws {
        let tls = try #require(try parse("server:\n  tls: {}\n").server.tls)
        #expect(tls == TLSSettings(port: 8322, certificatePath: nil, keyPath: nil))
    }

    @Test func portCertAndKeyAreRead() throws {
        let cert = try Self.temporaryFile("cert.pem")
        let key = cert.deletingLastPathComponent().appendingPathComponent("key.pem")
        try "key".write(to: key, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: cert.deletingLastPathComponent()) }
        let tls = try #require(try parse("server:\n  tls: {port: 322, cert: '\(cert.path)', key: '\(key.path)'}\n").server.tls)
        #expect(tls == TLSSettings(port: 322, certificatePath: cert.path, keyPath: key.path))
    }

    @Test func aMissingCertificateFileNamesTheField() {
        let found = problems("server:\n  tls:\n    cert: /nonexistent/cert.pem\n    key: /nonexistent/key.pem\n")
        #expect(found.map(\.keyPath) == ["server.tls.cert", "server.tls.key"], "\(found)")
        #expect(found.first?.message.contains("'/nonexistent/cert.pem' does not exist") == true, "\(found)")
    }

    @Test func aDirectoryIsNotACertificateFile() {
        let directory = FileManager.default.temporaryDirectory.path
        let found = problems("server:\n  tls:\n    cert: '\(directory)'\n    key: '\(directory)'\n")
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.message.contains("is not a readable file") == true, "\(found)")
    }

    @Test func certWithoutKeyIsAProblem() throws {
        let cert = try Self.temporaryFile("cert.pem")
        defer { try? FileManager.default.removeItem(at: cert.deletingLastPathComponent()) }
        let found = problems("server:\n  tls:\n    cert: '\(cert.path)'\n")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "server.tls", "\(found)")
        #expect(found.first?.message.contains("cert is set without key") == true, "\(found)")
    }

    @Test(arguments: [
        ("tls: {port: 70000}", "server.tls.port"),
        ("tls: {prot: 322}", "server.tls.prot"),
        ("tls: true", "server.tls"),
    ])
    func badValuesNameTheirKey(line: String, keyPath: String) {
        let found = problems("server:\n  \(line)\n")
        #expect(found.map(\.keyPath) == [keyPath], "\(found)")
    }

    @Test func tlsPortTurnsItOnAndKeepsTheFilesCertificate() throws {
        var base = CamsimConfig()
        #expect(try ConfigOverrides(tlsPort: 9322).apply(to: base).server.tls == TLSSettings(port: 9322))
        base.server.tls = TLSSettings(port: 322, certificatePath: "c.pem", keyPath: "k.pem")
        let config = try ConfigOverrides(tlsPort: 0).apply(to: base)
        #expect(config.server.tls == TLSSettings(port: 0, certificatePath: "c.pem", keyPath: "k.pem"))
    }

    @Test func anOutOfRangeTLSPortIsNamedByItsOption() {
        #expect(throws: ConfigErrors.self) { try ConfigOverrides(tlsPort: -1).apply(to: CamsimConfig()) }
        do {
            _ = try ConfigOverrides(tlsPort: 65536).apply(to: CamsimConfig())
        } catch {
            #expect(error.problems.map(\.keyPath) == ["--tls-port"])
        }
    }
}
