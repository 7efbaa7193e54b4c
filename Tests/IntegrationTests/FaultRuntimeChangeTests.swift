import Foundation
import Server
import Testing

extension Integration {
    /// Faults changed while a session plays (SET_PARAMETER), read back (GET_PARAMETER
    /// `fault_counters`), and fault parameters the server does not know.
    @Suite
    struct FaultRuntimeChangeTests {
        static let yaml = FaultRig.serverBlock(mtu: 600) + "cameras:\n" + FaultRig.busyCamera("busy")

        @Test
        func setParameterChangesLossWhilePlaying() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let viewer = try FaultUDPViewer(port: server.port, url: server.url(forPath: "busy"))
                try viewer.start()
                let before = await viewer.loss(after: 0, count: 3_000)

                let set = try viewer.parameter("SET_PARAMETER", "loss: 20\r\n")
                #expect(set.status == 200, "SET_PARAMETER loss: 20 -> \(set)")
                let during = await viewer.loss(after: FaultRig.settled(), count: 4_000)

                let counters = try viewer.parameter("GET_PARAMETER", "fault_counters\r\n")
                #expect(counters.status == 200, "\(counters)")
                let dropped = counters.bodyText.firstMatch(of: /dropped (\d+)/).flatMap { Int($0.1) } ?? 0
                #expect(counters.bodyText.hasPrefix("fault_counters:") && dropped > 0, "fault_counters body: \(counters.bodyText)")
                #expect(counters.bodyText.contains("camera_fault_counters:"), "no camera totals: \(counters.bodyText)")

                let clear = try viewer.parameter("SET_PARAMETER", "clear:\r\n")
                #expect(clear.status == 200, "SET_PARAMETER clear: -> \(clear)")
                let after = await viewer.loss(after: FaultRig.settled(), count: 3_000)

                let unknown = try viewer.parameter("SET_PARAMETER", "lose: 5\r\n")
                #expect(unknown.status == 451, "SET_PARAMETER lose: 5 -> \(unknown)")
                #expect(unknown.bodyText.contains("lose"), "the 451 does not name the parameter: \(unknown)")
                let unknownGet = try viewer.parameter("GET_PARAMETER", "frobnicate\r\n")
                #expect(unknownGet.status == 451, "GET_PARAMETER frobnicate -> \(unknownGet)")

                viewer.teardown()
                print("SET_PARAMETER: before \(before); loss: 20 \(during); clear: \(after); counters \(counters.bodyText)")
                #expect(viewer.rtp.kernelDrops ?? 0 == 0, "the test's socket dropped packets")
                #expect(before.missing.isEmpty, "loss before any fault: \(before)")
                #expect(abs(during.loss - 0.20) <= 0.03, "after loss: 20: \(during)")
                #expect(after.missing.isEmpty, "loss after clear: \(after)")
            }
        }

        @Test
        func unknownURLParameterIsRefusedWithItsName() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let client = try RawRTSPClient(port: server.port)
                let describe = try client.request(
                    "DESCRIBE", server.url(forPath: "busy") + "?lose=5", headers: [("Accept", "application/sdp")])
                #expect(describe.status == 400, "DESCRIBE ?lose=5 -> \(describe)")
                #expect(describe.header("Content-Type")?.hasPrefix("text/plain") == true, "\(describe)")
                #expect(describe.bodyText.contains("'lose'"), "the reason does not name the parameter: \(describe.bodyText)")
                print("DESCRIBE ?lose=5 -> \(describe.status): \(describe.bodyText.trimmingCharacters(in: .whitespacesAndNewlines))")

                let setup = try client.request(
                    "SETUP", FaultRig.trackURL(server, "busy", query: "loss=5&jitter=fast"),
                    headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                #expect(setup.status == 400 && setup.bodyText.contains("jitter"), "SETUP ?jitter=fast -> \(setup)")
                #expect(server.sessionCount == 0)
            }
        }
    }
}
