import Foundation
import Testing

extension Integration {
    /// One address may hold only so many connections; beyond the cap a new one is closed
    /// at once, and a place frees up when one of them closes.
    @Suite
    struct ConnectionCapTests {
        @Test
        func connectionsBeyondThePerAddressCapAreClosed() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], configure: {
                $0.maximumConnectionsPerAddress = 3
            }) { server in
                let url = server.url(forPath: "cam")
                var admitted: [RawRTSPClient] = []
                for _ in 0..<3 {
                    let client = try RawRTSPClient(port: server.port)
                    let options = try client.request("OPTIONS", url)
                    #expect(options.status == 200, "\(options)")
                    admitted.append(client)
                }
                let refused = try RawRTSPClient(port: server.port)
                #expect(refused.waitForClose(timeoutSeconds: 10), "a fourth connection from one address stayed open under a cap of 3")
                // The admitted ones still work.
                #expect(try admitted[0].request("OPTIONS", url).status == 200)

                admitted.removeLast()
                let readmitted = await Poll.until(timeoutSeconds: 10) {
                    guard let client = try? RawRTSPClient(port: server.port, timeoutSeconds: 2) else { return false }
                    return (try? client.request("OPTIONS", url))?.status == 200
                }
                #expect(readmitted, "no connection admitted after one of three closed")
            }
        }
    }
}
