import Foundation
import Testing

extension Integration {
    /// Silent connections are closed: one that begins a request and never finishes it
    /// gets 408 after the header timeout; one with no session and no request is closed
    /// after the idle timeout; one with a live session is left to the session's timeout.
    @Suite
    struct ConnectionTimeoutTests {
        @Test
        func unfinishedRequestGets408AndIsClosed() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], configure: {
                $0.headerTimeoutSeconds = 1
            }) { server in
                let client = try RawRTSPClient(port: server.port)
                // The request line and one header, and never the blank line that ends it.
                try client.send("OPTIONS \(server.url(forPath: "cam")) RTSP/1.0\r\nCSeq: 3\r\n")
                let reply = try client.readResponse(timeoutSeconds: 10)
                #expect(reply.status == 408, "\(reply)")
                #expect(client.waitForClose(timeoutSeconds: 10), "connection still open after its 408")
            }
        }

        @Test
        func dripFedRequestIsClosedAtTheHeaderTimeout() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], configure: {
                $0.headerTimeoutSeconds = 1
            }) { server in
                let socket = try ViewerSocket(port: server.port)
                // One byte every 100 ms: every byte is progress, but the request takes 9 s.
                let request = Array("OPTIONS \(server.url(forPath: "cam")) RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                let started = Date()
                var answer = ""
                var closed = false
                for character in request {
                    if (try? socket.send(String(character))) == nil { closed = true; break }
                    switch socket.read(timeoutSeconds: 0.1) {
                    case .bytes(let bytes): answer += String(decoding: bytes, as: UTF8.self)
                    case .endOfStream, .failed: closed = true
                    case .timedOut: break
                    }
                    if closed { break }
                }
                #expect(closed, "a request drip-fed over \(Date().timeIntervalSince(started)) s was not cut off")
                #expect(answer.hasPrefix("RTSP/1.0 408"), "\(answer)")
                #expect(Date().timeIntervalSince(started) < 8, "closed only after \(Date().timeIntervalSince(started)) s")
            }
        }

        @Test
        func connectionWithoutSessionIsClosedWhenIdle() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], configure: {
                $0.idleConnectionTimeoutSeconds = 1
            }) { server in
                let client = try RawRTSPClient(port: server.port)
                let options = try client.request("OPTIONS", server.url(forPath: "cam"))
                #expect(options.status == 200, "\(options)")
                #expect(client.waitForClose(timeoutSeconds: 10), "idle connection still open 10 s after a 1 s idle timeout")
                // A connection that never sends a byte goes the same way.
                let silent = try RawRTSPClient(port: server.port)
                #expect(silent.waitForClose(timeoutSeconds: 10), "silent connection still open 10 s after a 1 s idle timeout")
            }
        }

        @Test
        func connectionIsKeptWhileItsSessionLivesAndClosedAfterItExpires() async throws {
            let sessionTimeout = 3
            try await TestServer.with(cameras: [try TestServer.camera("cam")], configure: {
                $0.idleConnectionTimeoutSeconds = 1
                $0.sessionTimeoutSeconds = sessionTimeout
            }) { server in
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let client = try RawRTSPClient(port: server.port)
                _ = try client.describeSetupPlay(
                    server.url(forPath: "cam"), transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                let played = Date()
                #expect(rtp.receive(timeoutSeconds: 10) != nil, "no RTP")
                // No RTCP and no requests: the session expires, then the idle connection goes.
                #expect(client.waitForClose(timeoutSeconds: 20), "connection still open 20 s after its session's timeout")
                let lived = Date().timeIntervalSince(played)
                #expect(lived >= Double(sessionTimeout) - 0.5, "closed after \(lived) s while its \(sessionTimeout) s session lived")
                #expect(server.sessionCount == 0)
            }
        }

        @Test
        func interleavedViewerOutlivesTheIdleTimeout() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], configure: {
                $0.idleConnectionTimeoutSeconds = 1
            }) { server in
                let client = try RawRTSPClient(port: server.port)
                _ = try client.describeSetupPlay(server.url(forPath: "cam"), transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                // Frames keep arriving for four idle timeouts: the session holds the connection open.
                let start = Date()
                var frames = 0
                while Date().timeIntervalSince(start) < 4 {
                    _ = try client.readFrame(timeoutSeconds: 5)
                    frames += 1
                }
                #expect(frames > 10, "\(frames) frames in 4 s")
                #expect(server.sessionCount == 1)
            }
        }
    }
}
