import Foundation
import Testing

extension Integration {
    /// `client_port` must name an RTP/RTCP pair camsim may send to: p-(p+1) with
    /// 1024 ≤ p (RFC 3550 §11). Anything else is refused with 400 and no session.
    @Suite
    struct ClientPortTests {
        static let refused = ["0-1", "0", "1000-1001", "1023-1024", "5000-5003", "5000-5000", "65535"]

        @Test(arguments: refused)
        func unusablePortsAreRefused(ports: String) async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let client = try RawRTSPClient(port: server.port)
                let reply = try client.request("SETUP", server.url(forPath: "cam") + "/trackID=0", headers: [
                    ("Transport", "RTP/AVP;unicast;client_port=\(ports)"),
                ])
                #expect(reply.status == 400, "client_port=\(ports): \(reply)")
                #expect(reply.header("Session") == nil)
                #expect(server.sessionCount == 0)
            }
        }

        @Test
        func aUsableOfferAfterAnUnusableOneIsChosen() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let client = try RawRTSPClient(port: server.port)
                let reply = try client.request("SETUP", server.url(forPath: "cam") + "/trackID=0", headers: [
                    ("Transport", "RTP/AVP;unicast;client_port=0-1,RTP/AVP;unicast;client_port=40001-40002"),
                ])
                #expect(reply.status == 200, "\(reply)")
                #expect(reply.header("Transport")?.contains("client_port=40001-40002") == true, "\(reply)")
            }
        }
    }
}
