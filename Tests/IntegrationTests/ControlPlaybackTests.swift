import Config
import Faults
import Foundation
import Testing

extension Integration {
    /// What the control API changes, measured by real RTSP viewers: a loss profile set
    /// over HTTP, and a camera added over HTTP that ffmpeg plays and the configuration
    /// written back keeps.
    @Suite
    struct ControlPlaybackTests {
        @Test func aLossProfileSetOverTheAPIIsWhatAViewerMeasures() async throws {
            let config = try FaultRig.parse(FaultRig.serverBlock(mtu: 600) + "cameras:\n" + FaultRig.busyCamera("busy"))
            try await TestControlServer.with(config: config) { api in
                let viewer = try FaultUDPViewer(port: api.server.port, url: api.server.url(forPath: "busy"))
                try viewer.start()
                let before = await viewer.loss(after: 0, count: 2_000)

                let set = try await api.client().put("/api/v1/cameras/busy/faults", json: #"{"loss": "20%"}"#)
                #expect(set.status == 200, "\(set)")
                let during = await viewer.loss(after: FaultRig.settled(), count: 5_000)

                let cleared = try await api.client().delete("/api/v1/cameras/busy/faults")
                #expect(cleared.status == 204, "\(cleared)")
                let after = await viewer.loss(after: FaultRig.settled(), count: 2_000)
                viewer.teardown()
                print("faults over the API: before \(before); loss 20% \(during); cleared \(after)")
                #expect(viewer.rtp.kernelDrops ?? 0 == 0, "the test's socket dropped packets")
                #expect(before.missing.isEmpty, "loss before any fault: \(before)")
                #expect(during.expected >= 5_000, "\(during)")
                #expect(abs(during.loss - 0.20) <= 0.03, "after PUT {loss: 20%}: \(during)")
                #expect(after.missing.isEmpty, "loss after DELETE: \(after)")
            }
        }

        @Test func aCameraAddedOverTheAPIPlaysInFFmpegAndIsInTheConfiguration() async throws {
            try await TestControlServer.with { api in
                let client = api.client()
                let created = try await client.post("/api/v1/cameras", json: #"""
                    {"path": "lobby/api-cam", "scene": "smpte-clock", "idle_stop": 0, "seed": 5,
                     "streams": [{"size": "320x240", "fps": 15, "bitrate": "400k"}], "faults": {"reorder": "1%"}}
                    """#)
                #expect(created.status == 201, "\(created)")

                let pulled = try await Clients.ffmpegFrames(api.server.url(forPath: "lobby/api-cam"), transport: "tcp", seconds: 2)
                #expect(pulled.result.succeeded, "\(pulled.result)")
                #expect(pulled.frames >= 15, "ffmpeg decoded \(pulled.frames) frames in 2 s")

                let config = try await client.get("/api/v1/config")
                #expect(config.status == 200 && config.headers["content-type"]?.hasPrefix("application/yaml") == true, "\(config)")
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-api-\(UUID().uuidString).yaml")
                try config.body.write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }

                let reloaded = try ConfigLoader(knownFaultProfiles: Set(FaultPresets.names)).load(file: file)
                let camera = try #require(reloaded.camera(at: "lobby/api-cam"), "the added camera is not in:\n\(config.text)")
                #expect(camera.streams == [StreamConfig(width: 320, height: 240, fps: 15, rateControl: .bitrate(kbps: 400))])
                #expect(camera.seed == 5 && camera.faults.count == 1, "\(camera)")
                #expect(reloaded.cameras.map(\.path) == ["cam", "lobby/api-cam"])

                let validate = try await CamsimBinary.run(["validate", file.path, "--patterns", TestServer.patternsDirectory.path])
                #expect(validate.succeeded, "\(validate)")
                #expect(validate.stdout.contains("OK, 2 cameras"), "\(validate)")
            }
        }
    }
}
