import Foundation
import RTSP
import Server
import Testing

extension Integration {
    /// Multicast with real clients: two ffmpeg and one GStreamer decode the same group,
    /// and the group sends each packet once for the three of them (RFC 2326 §12.39).
    @Suite(.serialized)
    struct MulticastPlaybackTests {
        static let answer = MulticastTransport(group: IPv4Address(parsing: "239.255.42.77")!, rtpPort: 40154, ttl: 1)

        @Test func twoFFmpegAndOneGStreamerShareOneSend() async throws {
            let ffmpeg = try Clients.ffmpeg()
            let gst = try Clients.gstLaunch()
            try await MulticastNamespace.with { namespace in
                var camera = try TestServer.camera("cam")
                camera.multicast = ["main": Self.answer]
                var configuration = ServerConfiguration(bindHost: namespace.hostAddress, port: 0)
                configuration.multicast = MulticastDelivery(ttl: 1, interface: namespace.hostInterface)
                let server = CamsimServer(configuration: configuration, cameras: [camera])
                try await TestServer.running(server) { server in
                    let url = server.url(forPath: "cam")
                    let stream = try #require(server.stream(atPath: "cam"))
                    let group = try #require(server.multicastGroup(atPath: "cam"))
                    // 8 s of video each, so the three overlap.
                    let frames = "120"
                    let pull = namespace.exec([
                        ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-rtsp_transport", "udp_multicast",
                        "-i", url, "-frames:v", frames, "-f", "null", "-",
                    ])
                    let gstreamer = namespace.exec([
                        gst, "rtspsrc", "location=\(url)", "protocols=udp-mcast",
                        "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=\(frames)",
                    ])
                    async let first = ClientProcess.run(pull.executable, pull.arguments, timeoutSeconds: 60)
                    async let second = ClientProcess.run(pull.executable, pull.arguments, timeoutSeconds: 60)
                    async let third = ClientProcess.run(gstreamer.executable, gstreamer.arguments, timeoutSeconds: 60)

                    let allThree = await Poll.until(timeoutSeconds: 30) { group.counters.snapshot.members == 3 }
                    // However many play, the stream has one viewer: the group.
                    let viewers = stream.counters.snapshot.activeViewers
                    let results = await [first, second]
                    for result in results { #expect(result.succeeded, "\(result)") }
                    let played = await third
                    #expect(played.gstreamerPlayedToTheEnd, "\(played)")
                    #expect(allThree, "the three clients never played the group together")
                    #expect(viewers == 1)

                    let sent = group.counters.snapshot
                    let produced = stream.counters.snapshot.packetsProduced
                    // One send per packet: never more sends than packets, and every packet
                    // from the group's first keyframe on was sent (three sends each would
                    // be three times as many).
                    #expect(sent.packetsSent > 0)
                    #expect(sent.packetsSent <= produced, "\(sent.packetsSent) sends for \(produced) packets")
                    #expect(sent.packetsSent * 10 >= produced * 9, "\(sent.packetsSent) sends for \(produced) packets")
                    #expect(sent.starts == 1, "the group started \(sent.starts) times")
                    #expect(sent.reportsSent > 0, "no sender report went to the group's RTCP port")
                    #expect(sent.receiverReports > 0, "no receiver report came back to the group's RTCP port")

                    // The group stops with the last session.
                    let stopped = await Poll.until(timeoutSeconds: 10) {
                        group.counters.snapshot.members == 0 && stream.counters.snapshot.activeViewers == 0
                    }
                    #expect(stopped, "the group kept sending after its last viewer left")
                }
            }
        }
    }
}
