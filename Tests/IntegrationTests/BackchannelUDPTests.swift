import Foundation
import Server
import Testing

extension Integration.BackchannelTests {
    /// The sender's RTP packet `index`: 20 ms of μ-law (160 bytes, payload type 0) whose
    /// bytes are `(index * 7 + i) mod 256`, as the GStreamer sender script makes them too.
    static func pcmuPacket(_ index: Int, ssrc: UInt32) -> (packet: [UInt8], payload: [UInt8]) {
        let payload = (0..<160).map { UInt8(truncatingIfNeeded: index &* 7 &+ $0) }
        let header = [0x80, 0x00] + be16(UInt16(truncatingIfNeeded: 1000 + index)) + be32(UInt32(index * 160)) + be32(ssrc)
        return (header + payload, payload)
    }

    /// `server_port=A-B` of a SETUP answer's Transport header (RFC 2326 §12.39).
    static func serverRTPPort(_ transport: String) -> Int? {
        guard let field = transport.split(separator: ";").first(where: { $0.hasPrefix("server_port=") }) else { return nil }
        return field.dropFirst("server_port=".count).split(separator: "-").first.flatMap { Int($0) }
    }

    /// The backchannel over UDP: a raw client SETUPs only the sendonly track with a
    /// client_port pair and sends 5 s of PCMU, paced at 20 ms, from its RTP port to the
    /// server_port camsim answered. The control API lists the session's counters while it
    /// lives; at its end camsim has counted all 250 packets, and the WAV file holds exactly
    /// the bytes sent.
    @Test func aRawUDPSenderIsCountedListedAndRecorded() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try ConfigServer.parse(Self.config(directory: directory.path))
        try await TestControlServer.with(config: config) { api in
            let ended = EndedSessions(api.server)
            let url = api.server.url(forPath: "door")
            let client = try RawRTSPClient(port: api.server.port)
            let (rtp, rtcp) = try UDPReceiver.bindPair()
            try #require(try client.request("DESCRIBE", url, headers: [("Require", Self.tag)]).status == 200)
            let setup = try client.request("SETUP", url + "/trackID=1", headers: [
                ("Transport", "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)"), ("Require", Self.tag),
            ])
            try #require(setup.status == 200, "\(setup)")
            let serverPort = try #require(Self.serverRTPPort(setup.header("Transport") ?? ""), "\(setup)")
            let session = try #require(setup.header("Session")?.split(separator: ";").first.map(String.init))
            let play = try client.request("PLAY", url + "/", headers: [("Session", session), ("Require", Self.tag)])
            try #require(play.status == 200, "\(play)")

            // A real sender's pace: one packet every 20 ms from the start.
            var sent: [UInt8] = []
            let clock = ContinuousClock()
            let start = clock.now
            for index in 0..<250 {
                try await Task.sleep(until: start + .milliseconds(20 * index), clock: clock)
                let (packet, payload) = Self.pcmuPacket(index, ssrc: 0x5EED)
                rtp.send(packet, toPort: serverPort)
                sent += payload
            }

            // The control API shows the counters of the live session.
            var listed: [String: Any] = [:]
            let counted = try await Poll.until(timeoutSeconds: 10) {
                let sessions = try await ControlSessionsTests.sessions(api)
                listed = sessions.first { $0["id"] as? String == session } ?? [:]
                return (listed["backchannel"] as? [String: Any])?["packets"] as? Int == 250
            }
            #expect(counted, "\(listed)")
            let backchannel = try #require(listed["backchannel"] as? [String: Any], "\(listed)")
            #expect(backchannel["bytes"] as? Int == 40_000 && backchannel["lost"] as? Int == 0, "\(backchannel)")
            #expect(listed["transport"] as? String == "udp")

            let teardown = try client.request("TEARDOWN", url + "/", headers: [("Session", session)])
            #expect(teardown.status == 200)
            let arrived = await Poll.until(timeoutSeconds: 10) { ended.ended(session) != nil }
            try #require(arrived, "no session_ended event")
            let details = try #require(ended.ended(session)?.details)
            #expect(Self.integer(details["backchannel_packets_received"]) == 250)
            #expect(Self.integer(details["backchannel_bytes_received"]) == 40_000)
            #expect(Self.integer(details["backchannel_packets_lost"]) == 0)

            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent("door-\(session).wav")))
            #expect(bytes.count == 58 + 40_000)
            #expect(Array(bytes.dropFirst(58)) == sent)
        }
    }

    /// A session without a backchannel lists `backchannel` as null.
    @Test func aSessionWithoutABackchannelListsNone() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try ConfigServer.parse(Self.config(directory: directory.path))
        try await TestControlServer.with(config: config) { api in
            let client = try RawRTSPClient(port: api.server.port)
            let setup = try client.request("SETUP", api.server.url(forPath: "plain") + "/trackID=0", headers: [
                ("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"),
            ])
            try #require(setup.status == 200, "\(setup)")
            let sessions = try await ControlSessionsTests.sessions(api)
            #expect(sessions.count == 1)
            #expect(sessions.first?["backchannel"] is NSNull, "\(sessions)")
        }
    }
}
