import Config
import Foundation
import Frames
import Server
import Testing

@testable import Composition

/// `mtu` is the IP datagram size: RTP packets get what the IP and UDP headers of the
/// bound address's family leave of it.
@Suite struct RTPPacketBudgetTests {
    @Test(arguments: [
        ("0.0.0.0", 1372), ("127.0.0.1", 1372), ("192.168.1.10", 1372),
        ("::", 1352), ("::1", 1352), ("fe80::1", 1352), ("::ffff:127.0.0.1", 1352),
        // A name may resolve to either family, and a near-miss is no IPv4 address.
        ("localhost", 1352), ("cam.example", 1352), ("256.0.0.1", 1352), ("1.2.3", 1352), ("1.2.3.4.", 1352),
    ])
    func budgetFollowsTheBindAddress(host: String, expected: Int) {
        #expect(RTPPacketBudget.maxPacketSize(mtu: 1400, bindHost: host) == expected)
    }

    static func config(bind: String, mtu: Int, cameras: [String]) throws -> CamsimConfig {
        var yaml = "server: {bind: \"\(bind)\", port: 0, mtu: \(mtu)}\ncameras:\n"
        for path in cameras {
            yaml += "  - {path: \(path), scene: {background: {type: solid, colour: red}}, streams: [{name: main}, {name: sub, size: 320x180}]}\n"
        }
        return try ConfigLoader().parse(yaml: yaml, file: "budget.yaml")
    }

    @Test func everyStreamOfAConfiguredServerCutsPacketsToTheBudget() async throws {
        let scenes = SceneLibrary(directory: URL(fileURLWithPath: "/nonexistent"))
        let old = try Self.config(bind: "127.0.0.1", mtu: 600, cameras: ["a"])
        let server = try CamsimServer(config: old, scenes: scenes)
        #expect(server.stream(atPath: "a")?.definition.maxPacketSize == 572)
        #expect(server.stream(atPath: "a/sub")?.definition.maxPacketSize == 572)
        // A reload's new cameras take the new mtu with the running server's family.
        let new = try Self.config(bind: "::1", mtu: 800, cameras: ["a", "b"])
        let summary = try await server.reload(from: old, to: new, scenes: scenes)
        #expect(summary.added == ["b"] && summary.serverSettingsIgnored, "\(summary)")
        #expect(server.stream(atPath: "b")?.definition.maxPacketSize == 772)
        await server.shutdown()

        let v6 = try CamsimServer(config: try Self.config(bind: "::1", mtu: 600, cameras: ["a"]), scenes: scenes)
        #expect(v6.stream(atPath: "a")?.definition.maxPacketSize == 552)
        await v6.shutdown()
    }
}
