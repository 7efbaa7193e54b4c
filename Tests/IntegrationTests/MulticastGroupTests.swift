import Foundation
import RTSP
import Server
import Testing

extension Integration {
    /// A multicast group over raw sockets, sending into a namespace of the test's own:
    /// members come and go, the group sends while one plays, and the camera's faults
    /// apply to the group as a whole.
    @Suite(.serialized)
    struct MulticastGroupTests {
        static func config(interface: String) throws -> String {
            """
            server:
              bind: 127.0.0.1
              port: 0
              multicast: {range: 239.255.77.0/24, ports: 41000-41999, ttl: 2, interface: \(interface)}
            faults:
              half: {loss: 50%}
            cameras:
              - {path: clean, seed: 1, streams: [{name: main, size: 320x240, fps: 15}]}
              - path: lossy
                seed: 2
                scene: noise
                faults: [half]
                streams: [{name: main, size: 480x270, fps: 15, bitrate: 8M}]
            """
        }

        /// SETUP multicast and PLAY on a connection of its own; returns the session and PLAY's reply.
        static func join(_ client: RawRTSPClient, _ url: String) throws -> (session: String, play: RTSPReply) {
            let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;multicast")])
            try #require(setup.status == 200, "\(setup)")
            let session = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
            let play = try client.request("PLAY", url, headers: [("Session", session), ("Range", "npt=0.000-")])
            try #require(play.status == 200, "\(play)")
            return (session, play)
        }

        @Test func groupSendsWhileOneMemberPlays() async throws {
            try await MulticastNamespace.with { namespace in
                let config = try ConfigServer.parse(try Self.config(interface: namespace.hostInterface))
                try await ConfigServer.with(config) { server in
                    let url = server.url(forPath: "clean")
                    let group = try #require(server.multicastGroup(atPath: "clean"))
                    let stream = try #require(server.stream(atPath: "clean"))
                    // Allocated from the range and ports, with the configured scope.
                    #expect(group.answer.group.value >> 8 == 0xEFFF4D, "\(group.answer)")
                    #expect((41000...41998).contains(Int(group.answer.rtpPort)) && group.answer.rtpPort % 2 == 0)
                    #expect(group.answer.ttl == 2)

                    let first = try RawRTSPClient(port: server.port)
                    let second = try RawRTSPClient(port: server.port)
                    let (one, startedPlay) = try Self.join(first, url)
                    // The first member started the group: RTP-Info names the group's first packet.
                    #expect(startedPlay.header("RTP-Info")?.contains("seq=") == true, "\(startedPlay)")
                    let (two, joinedPlay) = try Self.join(second, url)
                    // The second joined mid-stream: no first packet to name.
                    #expect(joinedPlay.header("RTP-Info") == nil, "\(joinedPlay)")
                    #expect(group.counters.snapshot.members == 2)
                    #expect(stream.counters.snapshot.activeViewers == 1)

                    let paused = try first.request("PAUSE", url, headers: [("Session", one)])
                    #expect(paused.status == 200)
                    let sent = group.counters.snapshot.packetsSent
                    let stillSending = await Poll.until(timeoutSeconds: 10) {
                        group.counters.snapshot.members == 1 && group.counters.snapshot.packetsSent > sent + 10
                    }
                    #expect(stillSending, "the group stopped although a member still plays")

                    let teardown = try second.request("TEARDOWN", url, headers: [("Session", two)])
                    #expect(teardown.status == 200)
                    let stopped = await Poll.until(timeoutSeconds: 10) {
                        group.counters.snapshot.members == 0 && stream.counters.snapshot.activeViewers == 0
                    }
                    #expect(stopped, "the group kept its viewer after the last member left")
                    let last = group.counters.snapshot.packetsSent
                    let resumed = await Poll.until(timeoutSeconds: 1.5) { group.counters.snapshot.packetsSent > last }
                    #expect(!resumed, "packets went to the group with no member playing")

                    // PLAY again after PAUSE: the group starts again, once.
                    _ = try first.request("PLAY", url, headers: [("Session", one)])
                    let again = await Poll.until(timeoutSeconds: 10) { group.counters.snapshot.packetsSent > last }
                    #expect(again)
                    #expect(group.counters.snapshot.starts == 2)
                }
            }
        }

        @Test func camerasFaultsApplyToTheGroup() async throws {
            try await MulticastNamespace.with { namespace in
                let config = try ConfigServer.parse(try Self.config(interface: namespace.hostInterface))
                try await ConfigServer.with(config) { server in
                    let url = server.url(forPath: "lossy")
                    let group = try #require(server.multicastGroup(atPath: "lossy"))
                    let stream = try #require(server.stream(atPath: "lossy"))
                    let client = try RawRTSPClient(port: server.port)
                    let (session, _) = try Self.join(client, url)
                    let enough = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.packetsProduced >= 600 }
                    #expect(enough)
                    // The session reads what the camera's faults did to its group.
                    let counters = try client.request(
                        "GET_PARAMETER", url, headers: [("Session", session), ("Content-Type", "text/parameters")],
                        body: "fault_counters\r\n")
                    let groupLine = counters.bodyText.split(separator: "\r\n").first ?? ""
                    #expect(groupLine.hasPrefix("fault_counters: ") && groupLine.contains("dropped ")
                        && !groupLine.contains("dropped 0 ("), "\(counters)")
                    _ = try client.request("TEARDOWN", url, headers: [("Session", session)])
                    let stopped = await Poll.until(timeoutSeconds: 10) { stream.counters.snapshot.activeViewers == 0 }
                    #expect(stopped)
                    let sent = Double(group.counters.snapshot.packetsSent)
                    let produced = Double(stream.counters.snapshot.packetsProduced)
                    // The camera's 50% loss drops about half of the group's one send.
                    #expect((0.35...0.65).contains(sent / produced), "\(sent) of \(produced) packets sent")
                }
            }
        }
    }
}
