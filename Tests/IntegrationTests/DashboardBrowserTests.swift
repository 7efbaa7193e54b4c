import Foundation
import Testing

extension Integration {
    /// The dashboard in a real browser: headless Chromium driven by selenium
    /// (Tests/IntegrationTests/Python/dashboard_check.py) against a live server.
    @Suite
    struct DashboardBrowserTests {
        /// Where the screenshot is kept: `.build/test-artifacts/dashboard.png`.
        static let screenshot = PythonClients.repositoryRoot.appendingPathComponent(".build/test-artifacts/dashboard.png")

        @Test
        func pageShowsCamerasAndItsOfflineButtonTakesOneDown() async throws {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
                         "chromedriver must be installed (Debian: chromium-driver)")
            try FileManager.default.createDirectory(
                at: Self.screenshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: Self.screenshot)

            try await TestControlServer.with(config: TestControlServer.config(cameras: ["cam", "door"])) { api in
                // A viewer on `cam`, so the page has a live camera with a bitrate and a session.
                let viewerURL = api.server.url(forPath: "cam")
                let viewer = Task {
                    try await Clients.ffmpegPull(
                        viewerURL, transport: "tcp", output: ["-t", "60", "-f", "null", "-"], timeoutSeconds: 90)
                }
                defer { viewer.cancel() }

                let result = try await PythonClients.runScript("Tests/IntegrationTests/Python/dashboard_check.py", [
                    "--url", api.baseURL + "/", "--cameras", "cam,door", "--offline", "door",
                    "--profile", "cam=lte", "--screenshot", Self.screenshot.path,
                ], timeoutSeconds: 150)
                let lastLine = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
                let report = (try? JSONSerialization.jsonObject(with: Data(lastLine.utf8))) as? [String: Any] ?? [:]
                try #require(result.succeeded, "the browser check failed\n\(result)")
                print("dashboard check: \(lastLine)")

                #expect(report["cards"] as? [String] == ["cam", "door"])
                #expect(report["thumbnails_changed"] as? [String] == ["cam", "door"])
                let sizes = report["thumbnail_sizes"] as? [String: [Int]] ?? [:]
                for path in ["cam", "door"] {
                    // 640x360 streams, shown at a width chosen from the card (160...640), 16:9 kept.
                    let size = sizes[path] ?? []
                    #expect(size.count == 2 && size[0] >= 160 && size[0] <= 640 && abs(size[0] * 9 - size[1] * 16) <= 32,
                            "\(path) thumbnail \(size)")
                }
                // The script reported the click before this point: the next DESCRIBE of `door`
                // goes unanswered (the connection is dropped), while `cam` still answers.
                #expect(result.stdout.contains("clicked offline on door"))
                #expect(report["clicked"] as? String == "door")
                let states = report["states"] as? [String: String] ?? [:]
                #expect(states["door"] == "offline")
                #expect(states["cam"] != "offline", "\(states)")
                #expect((report["offline_note"] as? String)?.contains("409") == true, "\(report)")
                #expect((report["console"] as? [String] ?? []).allSatisfy { !$0.contains("Uncaught") }, "\(report)")

                // The picker's choice reached the camera.
                let cameraReply = try await api.client().get("/api/v1/cameras/cam")
                #expect(cameraReply.json["fault_profile"] as? String == "lte", "\(cameraReply)")

                let door = try RawRTSPClient(port: api.server.port, timeoutSeconds: 5)
                #expect(throws: (any Error).self, "an offline camera answered DESCRIBE") {
                    try door.request("DESCRIBE", api.server.url(forPath: "door"), headers: [("Accept", "application/sdp")])
                }
                let cam = try RawRTSPClient(port: api.server.port)
                let describe = try cam.request("DESCRIBE", api.server.url(forPath: "cam"), headers: [("Accept", "application/sdp")])
                #expect(describe.status == 200, "\(describe)")
            }

            let png = try Data(contentsOf: Self.screenshot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is not a PNG")
            print("dashboard screenshot: \(Self.screenshot.path)")
        }

        /// With 200 cameras the page shows one page of cards, fetches thumbnails only for
        /// the cards in view, and pages on.
        @Test
        func twoHundredCamerasArePagedAndOnlyCardsInViewFetchThumbnails() async throws {
            let paths = (1...200).map { String(format: "site/cam-%03d", $0) }
            try await TestControlServer.with(config: TestControlServer.config(cameras: paths)) { api in
                let result = try await PythonClients.runScript("Tests/IntegrationTests/Python/dashboard_check.py", [
                    "--url", api.baseURL + "/", "--many", "200",
                ], timeoutSeconds: 150)
                let lastLine = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
                try #require(result.succeeded, "the browser check failed\n\(result)")
                print("dashboard paging check: \(lastLine)")
                let report = (try? JSONSerialization.jsonObject(with: Data(lastLine.utf8))) as? [String: Any] ?? [:]
                #expect(report["page_label"] as? String == "1 / 9")
                #expect(report["second_page_label"] as? String == "2 / 9")
                #expect(report["second_page_first"] as? String == "site/cam-025")
                let requested = report["requested"] as? [String] ?? []
                #expect(!requested.isEmpty && requested.count < 24, "\(requested)")
            }
        }
    }
}
