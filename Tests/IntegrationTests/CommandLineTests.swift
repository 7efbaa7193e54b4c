import Foundation
import Testing

extension Integration {
    /// The `camsim` command itself: what `serve` prints, overrides, SIGHUP reload,
    /// graceful exit, and `validate`.
    @Suite
    struct CommandLineTests {
        static func probeSize(_ url: String) async throws -> String? {
            let result = try await Clients.ffprobeRTSP(
                url, ["-show_entries", "stream=width,height", "-of", "csv=p=0"], timeoutSeconds: 30)
            return result.succeeded ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        }

        @Test
        func serveWithoutArgumentsPrintsTheDefaultCamerasMainFirstAndExitsOnSIGTERM() async throws {
            let serve = try ServeProcess(["--bind", "127.0.0.1", "--port", "0"])
            let lines = await serve.waitForLines(2)
            #expect(lines.count == 2, "printed: \(lines)")
            #expect(lines.first?.hasSuffix("/bars") == true && lines.last?.hasSuffix("/small") == true, "\(lines)")
            #expect(lines.allSatisfy { $0.hasPrefix("rtsp://127.0.0.1:") && !$0.contains(":0/") }, "\(lines)")
            if let bars = lines.first {
                let size = try await Self.probeSize(bars)
                #expect(size == "1280,720", "ffprobe of \(bars): \(size ?? "failed")")
            }
            let status = await serve.stop()
            #expect(status == 0, "camsim serve did not exit cleanly on SIGTERM: \(String(describing: status))")
        }

        /// The URLs are printed only once SIGTERM is trapped, so a script that stops camsim
        /// as soon as it sees them gets a graceful exit, not death by the signal.
        @Test
        func sigtermRightAfterTheFirstURLIsAGracefulExit() async throws {
            for _ in 0..<3 {
                let serve = try ServeProcess(["--bind", "127.0.0.1", "--port", "0", "--control", "127.0.0.1:0"])
                let lines = await serve.waitForLines(1)
                #expect(lines.first?.hasPrefix("rtsp://") == true, "printed: \(lines)")
                let status = await serve.stop()
                #expect(status == 0, "camsim serve did not exit cleanly on an early SIGTERM: \(String(describing: status))")
            }
        }

        @Test
        func commandLineCamerasWithoutAFile() async throws {
            let serve = try ServeProcess([
                "--bind", "127.0.0.1", "--port", "0", "--cameras", "3", "--scene", "motion", "--size", "320x240", "--fps", "10",
            ])
            let lines = await serve.waitForLines(3)
            #expect(lines.map { $0.split(separator: "/").last.map(String.init) ?? "" } == ["cam-01", "cam-02", "cam-03"], "\(lines)")
            if let last = lines.last {
                let size = try await Self.probeSize(last)
                #expect(size == "320,240", "ffprobe of \(last): \(size ?? "failed")")
            }
            _ = await serve.stop()
        }

        @Test
        func sighupReloadsTheConfigurationFile() async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-reload-\(UUID().uuidString).yaml")
            defer { try? FileManager.default.removeItem(at: file) }
            let camera = "    streams: [{size: 320x240, fps: 10}]\n"
            try ("cameras:\n  - path: first\n" + camera).write(to: file, atomically: true, encoding: .utf8)
            let serve = try ServeProcess(["--config", file.path, "--bind", "127.0.0.1", "--port", "0"])
            let lines = await serve.waitForLines(1)
            let first = try #require(lines.first, "serve printed nothing")
            let second = first.replacingOccurrences(of: "/first", with: "/second")
            #expect(try await Self.probeSize(second) == nil, "the second camera exists before the reload")

            try ("cameras:\n  - path: first\n" + camera + "  - path: second\n" + camera).write(to: file, atomically: true, encoding: .utf8)
            serve.signal(SIGHUP)
            var size: String?
            let deadline = Date().addingTimeInterval(20)
            while size == nil, Date() < deadline {
                size = try await Self.probeSize(second)
            }
            #expect(size == "320,240", "the added camera did not appear after SIGHUP")
            #expect(try await Self.probeSize(first) == "320,240", "the untouched camera went away")
            let status = await serve.stop()
            #expect(status == 0)
        }

        @Test
        func validateListsEveryProblemWithItsPlace() async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-broken-\(UUID().uuidString).yaml")
            defer { try? FileManager.default.removeItem(at: file) }
            try """
                cameras:
                  - path: a
                    streams: [{size: 321x240, fsp: 10}]
                  - path: b
                    scene: no-such-scene
                """.write(to: file, atomically: true, encoding: .utf8)
            let broken = try await CamsimBinary.run(["validate", file.path, "--patterns", TestServer.patternsDirectory.path])
            #expect(broken.exitCode == 1, "\(broken)")
            #expect(broken.stdout.contains("\(file.path):3:"), "no line 3 problem:\n\(broken.stdout)")
            #expect(broken.stdout.contains("did you mean 'fps'?"), "\(broken.stdout)")
            #expect(broken.stdout.contains("width must be even"), "\(broken.stdout)")

            let example = TestServer.patternsDirectory.deletingLastPathComponent()
                .appendingPathComponent("Configs/nvr-lab-16.yaml")
            let good = try await CamsimBinary.run(["validate", example.path, "--patterns", TestServer.patternsDirectory.path])
            #expect(good.exitCode == 0, "\(good)")
            #expect(good.stdout.contains("16 cameras"), "\(good.stdout)")
        }
    }
}
