import Composition
import Config
import Foundation
import Server
import Testing

extension Integration {
    /// A reload that changes only a camera's faults applies them to the running camera:
    /// its viewers keep their sessions and feel the new faults at once.
    @Suite
    struct FaultReloadTests {
        static func yaml(faults: String?) -> String {
            FaultRig.serverBlock(mtu: 600) + "cameras:\n" + FaultRig.busyCamera("busy", faults: faults)
        }

        @Test
        func reloadChangesFaultsWithoutRestartingTheCamera() async throws {
            let old = try FaultRig.parse(Self.yaml(faults: nil))
            let new = try FaultRig.parse(Self.yaml(faults: "[{loss: 30%}]"))
            try await ConfigServer.with(old) { server in
                let viewer = try FaultUDPViewer(port: server.port, url: server.url(forPath: "busy"))
                try viewer.start()
                let before = await viewer.loss(after: 0, count: 2_000)

                let summary = try await server.reload(from: old, to: new, scenes: TestServer.scenes())
                #expect(summary.faultsChanged == ["busy"], "\(summary)")
                #expect(summary.restarted.isEmpty, "\(summary)")
                let after = await viewer.loss(after: FaultRig.settled(), count: 3_000)
                print("reload faults: loss \(String(format: "%.2f", before.loss * 100))% before, \(String(format: "%.2f", after.loss * 100))% after; sessions \(server.sessionCount)")
                #expect(before.loss == 0, "loss before the reload: \(before.loss)")
                #expect(abs(after.loss - 0.30) < 0.04, "loss after the reload: \(after.loss)")
                #expect(server.sessionCount == 1, "the viewer's session did not survive the reload")
                viewer.teardown()
            }
        }

        /// A GOP override or a declared frame rate is built into the camera's encoders, so
        /// a reload that changes one restarts the camera instead of pretending to apply it.
        @Test
        func reloadRestartsACameraWhoseNewFaultsShapeItsEncoder() async throws {
            func yaml(_ faults: String) -> String {
                FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("cam", faults: faults)
            }
            let old = try FaultRig.parse(yaml("{loss: 1%}"))
            let new = try FaultRig.parse(yaml("{loss: 1%, declared_fps: 10}"))
            try await ConfigServer.with(old) { server in
                let before = try await FaultRig.frameRates(server, "cam")
                let summary = try await server.reload(from: old, to: new, scenes: TestServer.scenes())
                #expect(summary.restarted == ["cam"] && summary.faultsChanged.isEmpty, "\(summary)")
                let after = try await FaultRig.frameRates(server, "cam")
                print("reload of declared_fps: ffprobe \(before) before, \(after) after")
                #expect(before.hasSuffix("avg_frame_rate=15/1") && after.hasSuffix("avg_frame_rate=10/1"))
            }
        }
    }
}
