import Foundation
import Testing

/// The Python test clients from PyPI (schemathesis, prometheus_client, selenium, pyzbar,
/// onvif-zeep),
/// installed by `make deps-test` into the repository's `.build/venv`. Like the other
/// clients, a missing one fails the test: it is never a reason to skip.
enum PythonClients {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // IntegrationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The virtualenv's interpreter; `CAMSIM_TEST_PYTHON` names another (a virtualenv of
    /// one's own, trying a client before it is in Tests/python-requirements.txt).
    static func python() throws -> String {
        if let override = ProcessInfo.processInfo.environment["CAMSIM_TEST_PYTHON"], !override.isEmpty { return override }
        let path = repositoryRoot.appendingPathComponent(".build/venv/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "the Python test clients must be installed: run `make deps-test` (it makes \(path))")
        return path
    }

    /// A command the virtualenv installed (`schemathesis`, say).
    static func command(_ name: String) throws -> String {
        let path = repositoryRoot.appendingPathComponent(".build/venv/bin/\(name)").path
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "\(name) must be installed: run `make deps-test` (it installs Tests/python-requirements.txt)")
        return path
    }

    /// Runs a Python script of the test suite (a path relative to the repository root)
    /// with `arguments`, waiting at most `timeoutSeconds`.
    static func runScript(
        _ relativePath: String, _ arguments: [String], timeoutSeconds: Double = 120
    ) async throws -> ProcessResult {
        let script = repositoryRoot.appendingPathComponent(relativePath).path
        return await ClientProcess.run(try python(), [script] + arguments, timeoutSeconds: timeoutSeconds)
    }
}
