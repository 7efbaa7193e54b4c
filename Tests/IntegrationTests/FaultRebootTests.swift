import Foundation
import Testing

extension Integration {
    /// A scheduled reboot: the camera drops its viewers' connections, refuses new ones
    /// without a word while down, then serves again under a new SSRC.
    @Suite
    struct FaultRebootTests {
        static let yaml = FaultRig.serverBlock() + "cameras:\n"
            + FaultRig.camera("cam", faults: "{reboot: {at: 2s, down: 2s}}")

        @Test
        func rebootDropsViewersRefusesWhileDownAndComesBackWithANewSSRC() async throws {
            let mounted = Date()
            try await FaultRig.with(Self.yaml) { server in
                let url = server.url(forPath: "cam")
                let before = try FaultUDPViewer(port: server.port, url: url)
                try before.start()
                let playing = await before.waitForPackets(5, timeoutSeconds: 5)
                #expect(playing, "no RTP before the reboot")
                let ssrcBefore = try #require(before.announcedSSRC, "SETUP reply without ssrc: \(String(describing: before.setup))")
                let rtpSSRCBefore = FaultSequenceStats.packets(before.rtp.snapshot).first?.ssrc
                #expect(rtpSSRCBefore == ssrcBefore, "RTP SSRC \(String(describing: rtpSSRCBefore)) vs SETUP ssrc \(ssrcBefore)")

                // At about 2 s the server ends the viewer's connection.
                let closed = before.client.waitForClose(timeoutSeconds: 6)
                let closedAt = Date().timeIntervalSince(mounted)
                #expect(closed, "the viewer's connection survived the reboot (\(closedAt) s after start)")
                #expect(closedAt >= 1.8 && closedAt < 3.5, "connection closed \(closedAt) s after start")
                #expect(await Poll.until(timeoutSeconds: 2) { server.sessionCount == 0 }, "sessions survived the reboot")
                let count = before.rtp.count
                let quiet = await Poll.until(timeoutSeconds: 0.5) { before.rtp.count > count + 2 }
                #expect(!quiet, "RTP kept flowing to the dropped viewer")

                // While down, a new connection is dropped without an answer.
                let probe = try ViewerSocket(port: server.port)
                try probe.send("OPTIONS \(url) RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                let probedAt = Date().timeIntervalSince(mounted)
                let end = FaultConnectionEnd.observe(probe, timeoutSeconds: 3)
                print(String(format: "reboot: viewer connection ended %.2f s after start; probe at %.2f s: %@", closedAt, probedAt, end.description))
                #expect(probedAt < 3.8, "the probe came too late to hit the down window (\(probedAt) s)")
                #expect(end.bytesBefore.isEmpty && (end.kind == .reset || end.kind == .closed), "while rebooting: \(end)")

                // After the downtime everything works again, under a new identity.
                var after: FaultUDPViewer?
                let back = await Poll.until(timeoutSeconds: 8, intervalSeconds: 0.25) {
                    guard let viewer = try? FaultUDPViewer(port: server.port, url: url) else { return false }
                    let describe = try? viewer.client.request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
                    guard describe?.status == 200 else { return false }
                    after = viewer
                    return true
                }
                let backAt = Date().timeIntervalSince(mounted)
                #expect(back, "the camera never answered DESCRIBE again")
                #expect(backAt >= 3.9, "the camera answered \(backAt) s after start, inside its 2 s downtime")
                let viewer = try #require(after)
                try viewer.start()
                #expect(await viewer.waitForPackets(5, timeoutSeconds: 5), "no RTP after the reboot")
                let ssrcAfter = try #require(viewer.announcedSSRC, "\(String(describing: viewer.setup))")
                let rtpSSRCAfter = FaultSequenceStats.packets(viewer.rtp.snapshot).first?.ssrc
                print(String(format: "reboot: back at %.2f s; SSRC %08X -> %08X; seq %@ -> %@", backAt, ssrcBefore, ssrcAfter,
                             "\(before.firstSequence.map(String.init) ?? "?")", "\(viewer.firstSequence.map(String.init) ?? "?")"))
                #expect(ssrcAfter != ssrcBefore, "same SSRC \(ssrcBefore) after the reboot")
                #expect(rtpSSRCAfter == ssrcAfter, "RTP SSRC \(String(describing: rtpSSRCAfter)) vs SETUP ssrc \(ssrcAfter)")
                viewer.teardown()
            }
        }
    }
}
