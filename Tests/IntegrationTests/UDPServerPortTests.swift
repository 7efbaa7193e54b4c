import Foundation
import Testing

extension Integration {
    /// UDP media goes out of an RTP/RTCP pair per network thread: each viewer's SETUP
    /// reply names the pair its packets really come from, and viewers on different
    /// connections are spread over the pairs.
    @Suite
    struct UDPServerPortTests {
        struct Viewer {
            var client: RawRTSPClient
            var rtp: UDPReceiver
            var rtcp: UDPReceiver
            var serverPorts: [Int]
        }

        @Test
        func serverPortNamesThePairThatSendsAndViewersSpreadOverPairs() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                var viewers: [Viewer] = []
                for _ in 0..<4 {
                    let (rtp, rtcp) = try UDPReceiver.bindPair()
                    let client = try RawRTSPClient(port: server.port)
                    let session = try client.describeSetupPlay(url, transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                    let reply = session.setup.header("Transport") ?? ""
                    let pair = RTSPHeaderValues.transportParameter(reply, "server_port")?.split(separator: "-").compactMap { Int($0) } ?? []
                    try #require(pair.count == 2 && pair[1] == pair[0] + 1, "Transport: \(reply)")
                    viewers.append(Viewer(client: client, rtp: rtp, rtcp: rtcp, serverPorts: pair))
                }
                for viewer in viewers {
                    let datagram = try #require(viewer.rtp.receiveWithSource(timeoutSeconds: 10), "no RTP within 10 s")
                    #expect(datagram.sourcePort == viewer.serverPorts[0],
                            "RTP came from \(datagram.sourcePort), server_port says \(viewer.serverPorts[0])")
                }
                // RFC 3550 §6.4.1: sender reports leave the RTCP port of the same pair.
                let deadline = Date().addingTimeInterval(10)
                for viewer in viewers {
                    var reportSource: Int?
                    while reportSource == nil, deadline.timeIntervalSinceNow > 0 {
                        guard let report = viewer.rtcp.receiveWithSource(timeoutSeconds: deadline.timeIntervalSinceNow) else { break }
                        if RTCPPacketView.split(report.bytes)?.first?.packetType == 200 { reportSource = report.sourcePort }
                    }
                    #expect(reportSource == viewer.serverPorts[1],
                            "sender report came from \(String(describing: reportSource)), server_port says \(viewer.serverPorts[1])")
                }
                if ProcessInfo.processInfo.activeProcessorCount > 1 {
                    #expect(Set(viewers.map { $0.serverPorts[0] }).count > 1,
                            "every viewer sent from one pair: \(viewers.map(\.serverPorts))")
                }
            }
        }
    }
}
