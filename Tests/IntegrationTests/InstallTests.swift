import Foundation
import Testing

extension Integration {
    /// `make install PREFIX=DIR`, the step the Dockerfile's build stage runs: the installed
    /// binary finds the installed scenes on its own, from any working directory.
    @Suite
    struct InstallTests {
        /// `make install` of the binary the tests run (`BINARY=`, so nothing is built).
        static func install(prefix: URL) async throws {
            let make = try #require(ClientProcess.resolve("make"), "make must be installed")
            let result = await ClientProcess.run(make, [
                "--no-print-directory", "-C", PythonClients.repositoryRoot.path, "install",
                "PREFIX=\(prefix.path)", "BINARY=\(try CamsimBinary.path())",
            ], timeoutSeconds: 120)
            try #require(result.succeeded, "\(result)")
        }

        /// `camsim validate FILE` run by `binary` from `directory`, with no `$CAMSIM_PATTERNS`.
        static func validate(_ binary: URL, _ file: URL, from directory: URL) async throws -> ProcessResult {
            let env = try #require(ClientProcess.resolve("env"))
            return await ClientProcess.run(env, [
                "-C", directory.path, "-u", "CAMSIM_PATTERNS", binary.path, "validate", file.path,
            ], timeoutSeconds: 60)
        }

        @Test func theInstalledBinaryFindsTheInstalledScenes() async throws {
            let fm = FileManager.default
            let scratch = fm.temporaryDirectory.appendingPathComponent("camsim-install-\(UUID().uuidString)")
            defer { try? fm.removeItem(at: scratch) }
            let prefix = scratch.appendingPathComponent("prefix")
            try await Self.install(prefix: prefix)

            let binary = prefix.appendingPathComponent("bin/camsim")
            let share = prefix.appendingPathComponent("share/camsim")
            #expect(fm.isExecutableFile(atPath: binary.path))
            for file in ["Patterns/ebu-bars.yaml", "Patterns/timecode.yaml", "Configs/default.yaml", "Configs/mixed-scenes.yaml"] {
                #expect(fm.fileExists(atPath: share.appendingPathComponent(file).path), "\(file) not installed")
            }

            // mixed-scenes.yaml names scenes that only Patterns/ defines; run from a
            // directory with no Patterns/ of its own.
            let elsewhere = scratch.appendingPathComponent("elsewhere")
            try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            let config = share.appendingPathComponent("Configs/mixed-scenes.yaml")
            let installed = try await Self.validate(binary, config, from: elsewhere)
            #expect(installed.succeeded && installed.stdout.contains(": OK,"), "\(installed)")

            // The same binary without the installed tree does not find them: the check above
            // is the installation's doing.
            let bare = scratch.appendingPathComponent("bare/bin/camsim")
            try fm.createDirectory(at: bare.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: binary, to: bare)
            let alone = try await Self.validate(bare, config, from: elsewhere)
            #expect(!alone.succeeded && alone.stdout.contains("no such scene"), "\(alone)")
        }

        @Test func installingAgainReplacesTheTree() async throws {
            let fm = FileManager.default
            let prefix = fm.temporaryDirectory.appendingPathComponent("camsim-install-\(UUID().uuidString)")
            defer { try? fm.removeItem(at: prefix) }
            try await Self.install(prefix: prefix)
            let stale = prefix.appendingPathComponent("share/camsim/Patterns/removed-scene.yaml")
            try "background: {type: solid}\n".write(to: stale, atomically: true, encoding: .utf8)
            try await Self.install(prefix: prefix)
            #expect(!fm.fileExists(atPath: stale.path), "a scene removed from Patterns/ stays installed")
            #expect(fm.fileExists(atPath: prefix.appendingPathComponent("share/camsim/Patterns/ebu-bars.yaml").path))
        }
    }
}
