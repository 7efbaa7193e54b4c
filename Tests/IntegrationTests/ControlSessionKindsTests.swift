import Config
import Foundation
import Testing

/// Every kind of session is in `/api/v1/sessions` and in the viewer gauges: multicast
/// sessions (no viewer of their own), sessions on an RTSPS connection, and sessions on
/// a camera's playback URL (whose stream is their own, not the camera's).
@Suite(.serialized) struct ControlSessionKindsTests {
    /// `cam`, with a recording of the last hour, a multicast group per stream and RTSPS.
    static func config() throws -> CamsimConfig {
        try ConfigLoader().parse(yaml: """
            server:
              bind: 127.0.0.1
              port: 0
              multicast: {range: 239.255.77.0/24, ports: 42000-42099, ttl: 1}
              tls: {port: 0}
            cameras:
              - path: cam
                scene: smpte-clock
                idle_stop: 0
                streams: [{size: 320x240, fps: 15}]
                recording: {start: -1h}
            """, file: "session-kinds.yaml")
    }

    /// The gauge `camsim_stream_viewers` of `cam`'s main stream for `transport`.
    static func viewers(_ api: TestControlServer.Running, transport: String) async throws -> Int? {
        let metrics = try await api.client().get("/metrics").text
        let prefix = #"camsim_stream_viewers{camera="cam",stream="main",transport="\#(transport)"} "#
        guard let line = metrics.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Int(line.dropFirst(prefix.count))
    }

    @Test func aMulticastSessionIsListedWithItsGroupsCountsAndRefusesFaultsOfItsOwn() async throws {
        try await TestControlServer.with(config: try Self.config()) { api in
            let client = try RawRTSPClient(port: api.server.port)
            let setup = try client.request(
                "SETUP", api.server.url(forPath: "cam") + "/trackID=0", headers: [("Transport", "RTP/AVP;multicast")])
            try #require(setup.status == 200, "\(setup)")
            let listed = try await ControlSessionsTests.sessions(api)
            #expect(listed.count == 1, "\(listed)")
            let session = try #require(listed.first)
            #expect(session["transport"] as? String == "multicast")
            #expect(session["camera"] as? String == "cam" && session["stream"] as? String == "main", "\(session)")
            #expect(session["playback"] as? Bool == false)
            let group = try #require(api.server.multicastGroup(atPath: "cam")).counters.snapshot
            #expect(session["packets_sent"] as? Int == group.packetsSent && session["bytes_sent"] as? Int == group.bytesSent)
            #expect(session["rtcp"] is NSNull)
            #expect(try await Self.viewers(api, transport: "multicast") == 1)

            let id = try #require(session["id"] as? String)
            let faults = try await api.client().put("/api/v1/sessions/\(id)/faults", json: #"{"loss": "5%"}"#)
            #expect(faults.status == 409, "\(faults)")
            #expect((faults.json["error"] as? String)?.contains("multicast group") == true, "\(faults)")

            let kick = try await api.client().delete("/api/v1/sessions/\(id)")
            #expect(kick.status == 204, "\(kick)")
            #expect(try await ControlSessionsTests.sessions(api).isEmpty)
            #expect(client.waitForClose(timeoutSeconds: 10), "the connection held nothing else")
            #expect(try await Self.viewers(api, transport: "multicast") == 0)
        }
    }

    @Test func aSessionOverRTSPSIsListedAsTLS() async throws {
        try await TestControlServer.with(config: try Self.config()) { api in
            let (client, process) = try OpenSSLClient.rawClient(port: try #require(api.server.tlsPort))
            defer { process.stop() }
            let url = try #require(api.server.secureURL(forPath: "cam"))
            _ = try client.describeSetupPlay(url, transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
            let listed = try await ControlSessionsTests.sessions(api)
            #expect(listed.map { $0["transport"] as? String } == ["tls"], "\(listed)")
            #expect(try await Self.viewers(api, transport: "tls") == 1)
            #expect(try await Self.viewers(api, transport: "tcp") == 0)
        }
    }

    @Test func aPlaybackSessionIsListedUnderItsCamera() async throws {
        try await TestControlServer.with(config: try Self.config()) { api in
            let playback = try PlaybackClient(port: api.server.port, url: api.server.url(forPath: "cam/playback"))
            try playback.setUp()
            let listed = try await ControlSessionsTests.sessions(api)
            #expect(listed.count == 1, "\(listed)")
            let session = try #require(listed.first)
            #expect(session["playback"] as? Bool == true, "\(session)")
            #expect(session["camera"] as? String == "cam" && session["stream"] as? String == "main", "\(session)")
            #expect(session["transport"] as? String == "tcp")
            #expect(try await Self.viewers(api, transport: "tcp") == 1, "a playback viewer counts under its camera")

            let id = try #require(session["id"] as? String)
            let faults = try await api.client().put("/api/v1/sessions/\(id)/faults", json: #"{"loss": "5%"}"#)
            #expect(faults.status == 200, "\(faults)")
            let kick = try await api.client().delete("/api/v1/sessions/\(id)")
            #expect(kick.status == 204, "\(kick)")
            #expect(try await ControlSessionsTests.sessions(api).isEmpty)
        }
    }
}
