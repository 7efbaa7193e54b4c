import Foundation
import Testing

extension Integration {
    /// Changes over the API follow the reload rules: a faults-only PUT keeps the camera's
    /// viewers and stream, a DELETE says RTCP BYE and closes.
    @Suite
    struct ControlReloadTests {
        @Test func aFaultsOnlyReplaceKeepsViewersAndADeleteSaysGoodbye() async throws {
            try await TestControlServer.with(config: TestControlServer.config(cameras: ["keep", "drop"])) { api in
                let keepStream = try #require(api.server.stream(atPath: "keep"))
                var recorders: [ViewerRecorder] = []
                defer { recorders.forEach { $0.stop() } }
                for path in ["keep", "drop"] {
                    let viewer = try InterleavedViewer(port: api.server.port)
                    try viewer.play(api.server.url(forPath: path))
                    recorders.append(ViewerRecorder(viewer))
                }
                let (keep, drop) = (recorders[0], recorders[1])
                let playing = await Poll.until(timeoutSeconds: 15) { keep.accessUnits.count >= 5 && !drop.accessUnits.isEmpty }
                try #require(playing, "viewers did not start: keep \(keep.accessUnits.count), drop \(drop.accessUnits.count)")

                // The same camera as configured, with faults: kept in place.
                let camera = try await api.client().get("/api/v1/cameras/keep")
                #expect(camera.json["viewers"] as? Int == 1 && camera.json["state"] as? String == "live", "\(camera)")
                let replaced = try await api.client().put("/api/v1/cameras/keep", json: #"""
                    {"idle_stop": 0, "seed": 42, "streams": [{"size": "640x360", "fps": 15, "gop": 30}], "faults": {"reorder": "1%"}}
                    """#)
                #expect(replaced.status == 200, "\(replaced)")
                let reloaded = await api.running.config.camera(at: "keep")
                #expect(reloaded?.faults.count == 1, "\(String(describing: reloaded))")
                #expect(api.server.stream(atPath: "keep") === keepStream, "a faults-only replace restarted the camera")

                let removed = try await api.client().delete("/api/v1/cameras/drop")
                #expect(removed.status == 204, "\(removed)")
                await HotReloadTests.expectByeThenClose(drop, "drop")

                let received = keep.accessUnits.count
                let flowing = await Poll.until(timeoutSeconds: 10) { keep.accessUnits.count >= received + 10 }
                #expect(flowing, "keep stopped receiving after the replace")
                #expect(keep.ended == nil, "keep's connection ended: \(keep.ended.map(String.init(describing:)) ?? "")")
            }
        }
    }
}
