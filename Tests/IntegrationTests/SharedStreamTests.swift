import Cameras
import Foundation
import Testing

extension Integration {
    /// `mode: shared`: a template's cameras share one encoder, each with its own RTP
    /// identity, viewers and faults; a viewer joining one of them makes one IDR for all.
    @Suite
    struct SharedStreamTests {
        /// A GOP of a minute, so every IDR in the test is one a viewer asked for.
        static let yaml = """
            server: {bind: 127.0.0.1, port: 0}
            cameras:
              - count: 2
                path: "shared-{n}"
                seed: 71014
                streams:
                  - {name: main, size: 320x180, fps: 15, gop: 900, preset: ultrafast, mode: shared}
            """

        @Test
        func twoCamerasOneEncoderOneIDRForBoth() async throws {
            let hubs = SharedEncoders.process
            let key = try await ConfigServer.with(try ConfigServer.parse(Self.yaml)) { server in
                let first = try #require(server.stream(atPath: "shared-1"))
                let second = try #require(server.stream(atPath: "shared-2"))
                let key = try #require(first.definition.sharing?.key(of: first.definition))
                #expect(second.definition.sharing?.key(of: second.definition) == key)
                func idrs() -> Int { hubs.status(of: key).frames.idrs }

                // X watches shared-2, Z and a viewer losing a quarter of its packets shared-1.
                let x = try IDRCountingViewer(port: server.port, url: server.url(forPath: "shared-2"))
                #expect(await Poll.until(timeoutSeconds: 10) { x.tally.idrs >= 1 }, "X saw no IDR: \(x.tally)")
                let beforeZ = idrs()
                let z = try IDRCountingViewer(port: server.port, url: server.url(forPath: "shared-1"))
                let lossy = try IDRCountingViewer(port: server.port, url: server.url(forPath: "shared-1"), query: "loss=25&seed=5")
                defer { [x, z, lossy].forEach { $0.stop() } }
                // Every IDR the encoder made since a viewer started reached it.
                func settled() -> Bool { x.tally.idrs == idrs() && z.tally.idrs == idrs() - beforeZ }

                async let ffmpeg = Clients.ffmpegFrames(server.url(forPath: "shared-1"), transport: "tcp", seconds: 5)
                async let gstreamer = ClientProcess.run(try Clients.gstLaunch(), [
                    "-q", "rtspsrc", "location=\(server.url(forPath: "shared-2"))", "protocols=tcp",
                    "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=60",
                ], timeoutSeconds: 60)
                let joined = await Poll.until(timeoutSeconds: 15) {
                    first.counters.activeViewers.load(ordering: .relaxed) == 3
                        && second.counters.activeViewers.load(ordering: .relaxed) == 2 && settled()
                }
                #expect(joined, "viewers: \(first.counters.snapshot.activeViewers), \(second.counters.snapshot.activeViewers); X \(x.tally.idrs), Z \(z.tally.idrs) of \(idrs()) IDRs")

                // A third viewer joins shared-1: one new IDR, which both cameras send.
                let (hub0, x0, z0) = (idrs(), x.tally.idrs, z.tally.idrs)
                let y = try IDRCountingViewer(port: server.port, url: server.url(forPath: "shared-1"))
                defer { y.stop() }
                #expect(await Poll.until(timeoutSeconds: 10) { y.tally.idrs >= 1 && settled() })
                #expect(idrs() == hub0 + 1, "the encoder made \(idrs() - hub0) IDRs for one viewer")
                #expect(x.tally.idrs == x0 + 1 && z.tally.idrs == z0 + 1, "X \(x0) -> \(x.tally.idrs), Z \(z0) -> \(z.tally.idrs)")

                let (pulled, frames) = try await ffmpeg
                let gst = try await gstreamer
                #expect(pulled.succeeded && pulled.stderr.isEmpty, "ffmpeg on shared-1:\n\(pulled)")
                #expect(frames >= 68, "ffmpeg decoded \(frames) of 75 frames")
                #expect(gst.succeeded && !gst.stderr.lowercased().contains("error"), "gst-launch on shared-2:\n\(gst)")

                // One encoder for both: opened once, and it made no more frames than one camera sent.
                let status = hubs.status(of: key)
                #expect(status.encoderOpens == 1 && status.streams == 2, "\(status)")
                let sent = [first, second].map { $0.counters.snapshot.framesEncoded }
                #expect(status.frames.encoded <= sent.max()! + 2 && sent.min()! > 60, "encoder \(status.frames.encoded), cameras sent \(sent)")
                let (tx, tz, tl) = (x.tally, z.tally, lossy.tally)
                #expect(tx.ssrcs.count == 1 && tz.ssrcs.count == 1 && tx.ssrcs != tz.ssrcs, "SSRCs \(tx.ssrcs) and \(tz.ssrcs)")
                #expect(tl.ssrcs == tz.ssrcs, "one camera, one SSRC, faults or not")
                // Faults asked for by one sharer's viewer stay with it.
                #expect(tx.missing == 0 && tz.missing == 0 && tx.failure == nil && tz.failure == nil, "X \(tx), Z \(tz)")
                #expect(tl.packets > 50 && Double(tl.missing) > 0.15 * Double(tl.packets), "loss=25 viewer: \(tl)")
                print("shared: \(status); X \(tx.packets) packets, Z \(tz.packets), lossy \(tl.packets) with \(tl.missing) missing")
                return key
            }
            // Nobody uses the encoder once the cameras are gone: it is closed.
            #expect(hubs.status(of: key).streams == 0)
        }
    }
}
