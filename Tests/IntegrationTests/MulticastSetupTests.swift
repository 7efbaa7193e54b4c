import Foundation
import RTSP
import Server
import Testing

extension Integration {
    /// What a multicast SETUP is answered, over a raw socket (RFC 2326 §12.39). No
    /// PLAY here: nothing is sent to a group.
    @Suite
    struct MulticastSetupTests {
        static let answer = MulticastTransport(group: IPv4Address(parsing: "239.255.42.9")!, rtpPort: 40018, ttl: 3)

        /// A server whose camera `cam` has a group, and `plain` has none.
        static func withServer(_ body: (CamsimServer) async throws -> Void) async throws {
            var camera = try TestServer.camera("cam")
            camera.multicast = ["main": answer]
            try await TestServer.with(
                cameras: [camera, try TestServer.camera("plain")],
                configure: { $0.multicast = MulticastDelivery(ttl: 3) }, body)
        }

        static let offers = [
            "RTP/AVP;multicast",  // GStreamer
            "RTP/AVP/UDP;multicast",  // ffmpeg
            "RTP/AVP;multicast;port=50000-50001",  // live555 (VLC --rtsp-mcast)
            "RTP/AVP;multicast;destination=239.1.2.3;port=6000-6001;ttl=64",  // asks for another group
            "RTP/SAVP;multicast, RTP/AVP;multicast;mode=\"PLAY\"",
        ]

        @Test(arguments: offers)
        func answersTheStreamsGroup(offer: String) async throws {
            try await Self.withServer { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", offer)])
                #expect(setup.status == 200, "\(setup)")
                #expect(setup.header("Transport") == "RTP/AVP;multicast;destination=239.255.42.9;port=40018-40019;ttl=3")
                #expect(setup.header("Session") != nil)
                // Another connection is given the same group.
                let other = try RawRTSPClient(port: server.port)
                let again = try other.request("SETUP", url + "/trackID=0", headers: [("Transport", offer)])
                #expect(again.header("Transport") == setup.header("Transport"))
                #expect(server.multicastGroup(atPath: "cam")?.answer == Self.answer)
            }
        }

        @Test func streamWithoutAGroupIsUnsupported() async throws {
            try await Self.withServer { server in
                let client = try RawRTSPClient(port: server.port)
                let url = server.url(forPath: "plain") + "/trackID=0"
                let refused = try client.request("SETUP", url, headers: [("Transport", "RTP/AVP;multicast")])
                #expect(refused.status == 461, "\(refused)")
                // Offered as a fallback, the next alternative is taken.
                let fallback = try client.request(
                    "SETUP", url, headers: [("Transport", "RTP/AVP;multicast, RTP/AVP/TCP;unicast;interleaved=0-1")])
                #expect(fallback.status == 200, "\(fallback)")
                #expect(fallback.header("Transport")?.hasPrefix("RTP/AVP/TCP;unicast;interleaved=0-1") == true)
                #expect(server.multicastGroup(atPath: "plain") == nil)
            }
        }

        @Test func malformedMulticastOffersAreNotServed() async throws {
            try await Self.withServer { server in
                let client = try RawRTSPClient(port: server.port)
                let url = server.url(forPath: "cam") + "/trackID=0"
                for offer in ["RTP/AVP;multicast;destination=10.0.0.1", "RTP/AVP/TCP;multicast;interleaved=0-1"] {
                    let refused = try client.request("SETUP", url, headers: [("Transport", offer)])
                    #expect(refused.status == 461, "\(offer): \(refused)")
                }
            }
        }

        /// The group's packets are shared: a viewer's own faults are refused with the
        /// reason, in the URL query and in SET_PARAMETER; unicast takes them.
        @Test(arguments: ["loss=5", "delay=200ms", "seed=7", "profile=lte", "no_rtcp=1"])
        func perViewerFaultsGet451(query: String) async throws {
            try await Self.withServer { server in
                let client = try RawRTSPClient(port: server.port)
                let url = server.url(forPath: "cam") + "?\(query)"
                let refused = try client.request("SETUP", url, headers: [("Transport", "RTP/AVP;multicast")])
                #expect(refused.status == 451, "\(refused)")
                #expect(refused.bodyText.contains("faults apply to the camera's multicast group as a whole"), "\(refused)")
                let unicast = try client.request(
                    "SETUP", url, headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                #expect(unicast.status == 200, "\(unicast)")
            }
        }

        @Test func setParameterFaultsOnAMulticastSessionGet451() async throws {
            try await Self.withServer { server in
                let client = try RawRTSPClient(port: server.port)
                let url = server.url(forPath: "cam")
                let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;multicast")])
                let session = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
                let refused = try client.request(
                    "SET_PARAMETER", url, headers: [("Session", session), ("Content-Type", "text/parameters")],
                    body: "loss: 5\r\n")
                #expect(refused.status == 451, "\(refused)")
                #expect(refused.bodyText.contains("multicast"), "\(refused)")
                // A keepalive without parameters is fine, and the group's fault counters are read.
                let keepalive = try client.request("GET_PARAMETER", url, headers: [("Session", session)])
                #expect(keepalive.status == 200, "\(keepalive)")
                let counters = try client.request(
                    "GET_PARAMETER", url, headers: [("Session", session), ("Content-Type", "text/parameters")],
                    body: "fault_counters\r\n")
                #expect(counters.status == 200, "\(counters)")
                #expect(counters.bodyText.hasPrefix("fault_counters: packets passed 0"), "\(counters)")
                #expect(counters.bodyText.contains("camera_fault_counters: "), "\(counters)")
            }
        }

        @Test func unknownInterfaceStopsTheStart() async throws {
            var configuration = ServerConfiguration(bindHost: "127.0.0.1", port: 0)
            configuration.multicast = MulticastDelivery(interface: "no-such-if0")
            let server = CamsimServer(configuration: configuration, cameras: [try TestServer.camera("cam")])
            do {
                try await server.start()
                Issue.record("started with a multicast interface this host does not have")
            } catch {
                #expect("\(error)".contains("multicast interface 'no-such-if0'"), "\(error)")
            }
            await server.shutdown()
        }
    }
}

extension Integration.MulticastSetupTests {
    /// A reload that gives a running camera's slot to a new camera (it hashes to the same
    /// slot and comes first in path order) restarts the running one on its new group, so
    /// no two streams ever share one.
    @Test func reloadMovingAGroupRestartsItsCamera() async throws {
        let server = "server: {bind: 127.0.0.1, port: 0, multicast: {range: 239.255.88.0/30, ports: 42000-42007}}\n"
        let old = try ConfigServer.parse(server + "cameras:\n  - path: zeta\n")
        let new = try ConfigServer.parse(server + "cameras:\n  - path: zeta\n  - path: alpha-3\n")
        try await ConfigServer.with(old) { running in
            let before = try #require(running.multicastGroup(atPath: "zeta")).answer
            let summary = try await running.reload(from: old, to: new, scenes: TestServer.scenes())
            #expect(summary.added == ["alpha-3"])
            #expect(summary.restarted == ["zeta"])
            #expect(summary.unchanged == 0)
            let zeta = try #require(running.multicastGroup(atPath: "zeta")).answer
            let alpha = try #require(running.multicastGroup(atPath: "alpha-3")).answer
            #expect(alpha.group == before.group, "alpha-3 hashes to zeta's old slot")
            #expect(zeta.group != alpha.group && zeta.rtpPort != alpha.rtpPort)
            // Reloading the same configuration again changes nothing.
            let again = try await running.reload(from: new, to: new, scenes: TestServer.scenes())
            #expect(again.restarted.isEmpty && again.unchanged == 2)
        }
    }
}
