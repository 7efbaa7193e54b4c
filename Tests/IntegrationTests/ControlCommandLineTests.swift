import Foundation
import Testing

extension Integration {
    /// `camsim serve --control`: the dashboard line with the real port, a port that is
    /// taken, and an address off loopback without a token.
    @Suite
    struct ControlCommandLineTests {
        /// The `dashboard: http://HOST:PORT/` line among `lines`, as its URL.
        private func dashboardURL(_ lines: [String]) -> String? {
            lines.first { $0.hasPrefix("dashboard: ") }.map { String($0.dropFirst("dashboard: ".count)) }
        }

        @Test func portZeroPrintsTheRealAddressBesideTheRTSPURLs() async throws {
            let serve = try ServeProcess(["--bind", "127.0.0.1", "--port", "0", "--control", "127.0.0.1:0"])
            let ready = await Poll.until(timeoutSeconds: 30) { serve.lines.contains { $0.hasPrefix("dashboard: ") } }
            let lines = serve.lines
            #expect(ready, "no dashboard line: \(lines)")
            #expect(lines.first?.hasPrefix("rtsp://127.0.0.1:") == true, "\(lines)")
            let url = try #require(dashboardURL(lines))
            #expect(url.hasPrefix("http://127.0.0.1:") && url.hasSuffix("/") && !url.hasSuffix(":0/"), "\(url)")
            let health = try await ControlClient(baseURL: String(url.dropLast()), token: nil).get("/health")
            #expect(health.status == 200, "\(health)")
            #expect(await serve.stop() == 0)
        }

        @Test func sigtermEndsAnOpenEventStreamAndExitsCleanly() async throws {
            let curl = try #require(ClientProcess.resolve("curl"), "curl must be installed")
            let serve = try ServeProcess(["--bind", "127.0.0.1", "--port", "0", "--control", "127.0.0.1:0"])
            _ = await Poll.until(timeoutSeconds: 30) { serve.lines.contains { $0.hasPrefix("dashboard: ") } }
            let url = try #require(dashboardURL(serve.lines), "no dashboard line")
            let stream = try EventStreamReader(curl: curl, url: url + "api/v1/events")
            defer { stream.stop() }
            let subscribed = await Poll.until(timeoutSeconds: 10) { stream.text.contains(": camsim events") }
            #expect(subscribed, "the event stream did not open: \(stream.text)")
            let started = Date()
            let status = await serve.stop(timeoutSeconds: 10)
            #expect(status == 0, "camsim did not exit cleanly with an event stream open: \(String(describing: status))")
            #expect(Date().timeIntervalSince(started) < 5, "shutdown waited on the event stream")
        }

        @Test func aTakenPortIsAClearErrorAndAFailedExit() async throws {
            let first = try ServeProcess(["--bind", "127.0.0.1", "--port", "0", "--control", "127.0.0.1:0"])
            _ = await Poll.until(timeoutSeconds: 30) { first.lines.contains { $0.hasPrefix("dashboard: ") } }
            let url = try #require(dashboardURL(first.lines), "first server printed no dashboard line")
            let address = url.dropFirst("http://".count).dropLast()
            let second = try await CamsimBinary.run(
                ["serve", "--bind", "127.0.0.1", "--port", "0", "--control", String(address)], timeoutSeconds: 30)
            _ = await first.stop()
            #expect(!second.timedOut && second.exitCode != 0, "\(second)")
            #expect(second.stderr.contains("\(address) is already in use"), "\(second)")
        }

        @Test func offLoopbackWithoutATokenRefusesToStart() async throws {
            let result = try await CamsimBinary.run(
                ["serve", "--bind", "127.0.0.1", "--port", "0", "--control", "0.0.0.0:0"], timeoutSeconds: 30)
            #expect(!result.timedOut && result.exitCode == 2, "\(result)")
            #expect(result.stderr.contains("control_token") && result.stderr.contains("CAMSIM_CONTROL_TOKEN"), "\(result)")
            #expect(!result.stdout.contains("rtsp://"), "it started serving: \(result)")
        }
    }
}
