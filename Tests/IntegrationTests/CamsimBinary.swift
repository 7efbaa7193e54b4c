import Foundation
import Testing

/// The `camsim` executable built next to the test bundle (`swift build --build-tests`
/// builds both into the same products directory).
enum CamsimBinary {
    static func path() throws -> String {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            // .../debug/camsimPackageTests.xctest (Linux) or .../debug/camsimPackageTests.xctest/Contents/MacOS/...
            var dir = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("camsim"))
                dir = dir.deletingLastPathComponent()
            }
        }
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(
            found?.path,
            "camsim executable not found at \(candidates.map(\.path)); build with `swift build --build-tests`")
    }

    /// Runs `camsim arguments...`, with a timeout.
    static func run(_ arguments: [String], timeoutSeconds: Double = 60) async throws -> ProcessResult {
        await ClientProcess.run(try path(), arguments, timeoutSeconds: timeoutSeconds)
    }
}
