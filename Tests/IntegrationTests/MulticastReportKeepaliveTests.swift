import Foundation
import RTSP
import Server
import Testing

extension Integration {
    /// Receiver reports sent to a multicast group's RTCP port keep the sessions of their
    /// address alive (RFC 2326 §12.37, RFC 3550 §6.4.2). The viewer runs in a namespace
    /// of the test's own, so its reports come from the address its RTSP connection does.
    @Suite(.serialized)
    struct MulticastReportKeepaliveTests {
        static let answer = MulticastTransport(group: IPv4Address(parsing: "239.255.42.91")!, rtpPort: 40182, ttl: 1)

        @Test func receiverReportsAloneKeepAMulticastSessionPastItsTimeout() async throws {
            let python = try PythonClients.python()
            let script = PythonClients.repositoryRoot
                .appendingPathComponent("Tests/IntegrationTests/Python/multicast_report_keepalive.py").path
            try await MulticastNamespace.with { namespace in
                var camera = try TestServer.camera("cam")
                camera.multicast = ["main": Self.answer]
                let timeout = 2
                var configuration = ServerConfiguration(bindHost: namespace.hostAddress, port: 0, sessionTimeoutSeconds: timeout)
                configuration.multicast = MulticastDelivery(ttl: 1, interface: namespace.hostInterface)
                let server = CamsimServer(configuration: configuration, cameras: [camera])
                try await TestServer.running(server) { server in
                    let group = try #require(server.multicastGroup(atPath: "cam"))
                    // Reports for 10 s, then 10 s connected and silent, then a keepalive.
                    let viewer = namespace.exec([python, script, namespace.hostAddress, "\(server.port)", "cam", "10", "10"])
                    async let run = ClientProcess.run(viewer.executable, viewer.arguments, timeoutSeconds: 60)

                    let playing = await Poll.until(timeoutSeconds: 20) { group.counters.snapshot.members == 1 }
                    #expect(playing, "the viewer never joined the group")
                    let reports = group.counters.snapshot.receiverReports
                    // Three timeouts long, with reports only, the session stays.
                    let lost = await Poll.until(timeoutSeconds: Double(3 * timeout)) { group.counters.snapshot.members == 0 }
                    #expect(!lost, "the session expired while its viewer sent receiver reports")
                    #expect(server.sessionCount == 1)
                    #expect(group.counters.snapshot.receiverReports > reports + 5, "the group counted no reports")

                    // When the reports stop, the session times out although its connection stays.
                    let expired = await Poll.until(timeoutSeconds: 20) { group.counters.snapshot.members == 0 }
                    #expect(expired, "the session outlived its reports")
                    let result = await run
                    #expect(result.succeeded, "\(result)")
                    #expect(result.stdout.contains("\nafter 454"), "\(result)")
                }
            }
        }
    }
}
