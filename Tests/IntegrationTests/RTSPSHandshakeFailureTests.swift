import Foundation
import Server
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// Connections that never complete a TLS handshake on the RTSPS port end on their
    /// own, while an RTSPS viewer's media keeps flowing and new clients still get in.
    @Suite
    struct RTSPSHandshakeFailureTests {
        static let fps = 15
        static let seconds = 12
        /// A handshake must finish within the header timeout; short here, so a stalled one is seen to end.
        static let headerTimeoutSeconds = 2

        /// The first bytes of a TLS 1.2 ClientHello record (RFC 8446 §5.1, §4.1.2), cut short.
        static let truncatedClientHello: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03]
            + Array(repeating: 0x42, count: 32)

        /// Reads until the server closes the socket; whether it did within the time, and what it sent.
        static func readUntilClosed(_ fd: Int32, timeoutSeconds: Double) -> (closed: Bool, bytes: [UInt8]) {
            var received: [UInt8] = []
            let deadline = Date().addingTimeInterval(timeoutSeconds)
            var chunk = [UInt8](repeating: 0, count: 4096)
            while deadline.timeIntervalSinceNow > 0 {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { continue }
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return (true, received) }
                received += chunk[0..<count]
            }
            return (false, received)
        }

        static func send(_ fd: Int32, _ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// Closes with a TCP reset instead of a FIN.
        static func abort(_ fd: Int32) {
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            close(fd)
        }

        @Test
        func failedHandshakesDoNotDisturbAnRTSPSViewer() async throws {
            try await TestServer.withRTSPS(
                cameras: [try TestServer.camera("cam", fps: Self.fps)],
                configure: { $0.headerTimeoutSeconds = Self.headerTimeoutSeconds }
            ) { server in
                let stream = try #require(server.stream(atPath: "cam"))
                let url = try #require(server.secureURL(forPath: "cam"))
                let port = try #require(server.tlsPort)
                async let pull = Clients.ffmpegFrames(url, transport: "tcp", seconds: Self.seconds)
                let watching = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.activeViewers >= 1 }
                try #require(watching, "ffmpeg never started playing over RTSPS")

                var stalls: [String] = []
                func checkFlowing(after what: String) async {
                    if await !Poll.framesStillFlowing(stream) { stalls.append(what) }
                }

                // Garbage instead of a ClientHello: closed, and no RTSP answer.
                var random = SystemRandomNumberGenerator()
                for round in 0..<8 {
                    let fd = try LoopbackSockets.connectTCP(port: port)
                    Self.send(fd, (0..<512).map { _ in UInt8.random(in: 0...255, using: &random) })
                    let (closed, bytes) = Self.readUntilClosed(fd, timeoutSeconds: 10)
                    close(fd)
                    #expect(closed, "garbage round \(round): connection left open")
                    #expect(!String(decoding: bytes, as: UTF8.self).contains("RTSP/1.0"), "garbage got an RTSP answer")
                }
                await checkFlowing(after: "garbage")

                // Plain RTSP on the TLS port: not answered as RTSP, closed.
                let plain = try LoopbackSockets.connectTCP(port: port)
                Self.send(plain, Array("OPTIONS \(server.url(forPath: "cam")) RTSP/1.0\r\nCSeq: 1\r\n\r\n".utf8))
                let (plainClosed, plainBytes) = Self.readUntilClosed(plain, timeoutSeconds: 10)
                close(plain)
                #expect(plainClosed, "plain RTSP on the TLS port left open")
                #expect(!String(decoding: plainBytes, as: UTF8.self).contains("RTSP/1.0"), "plain RTSP answered on the TLS port")
                await checkFlowing(after: "plain RTSP")

                // A ClientHello cut short, then a reset; and one cut short that stalls
                // until the handshake limit closes it.
                for _ in 0..<8 {
                    let fd = try LoopbackSockets.connectTCP(port: port)
                    Self.send(fd, Self.truncatedClientHello)
                    Self.abort(fd)
                }
                let stalled = try LoopbackSockets.connectTCP(port: port)
                Self.send(stalled, Self.truncatedClientHello)
                let started = Date()
                let (stalledClosed, _) = Self.readUntilClosed(stalled, timeoutSeconds: Double(Self.headerTimeoutSeconds) + 8)
                let waited = Date().timeIntervalSince(started)
                close(stalled)
                #expect(stalledClosed, "a stalled handshake was left open")
                #expect(waited >= Double(Self.headerTimeoutSeconds) - 0.5, "closed after \(waited) s, before the limit")
                await checkFlowing(after: "truncated ClientHello")

                // Real TLS clients that go away mid-handshake or right after it.
                for _ in 0..<4 {
                    let (_, process) = try OpenSSLClient.rawClient(port: port)
                    process.stop()
                }
                await checkFlowing(after: "aborted s_client")

                // A new RTSPS client still gets in.
                let (client, process) = try OpenSSLClient.rawClient(port: port)
                defer { process.stop() }
                let options = try client.request("OPTIONS", url)
                #expect(options.status == 200, "\(options)")

                let (result, frames) = try await pull
                #expect(stalls.isEmpty, "frames stopped flowing after: \(stalls)")
                #expect(result.succeeded, "\(result)")
                let expected = Self.fps * Self.seconds
                #expect(Double(frames) >= 0.95 * Double(expected), "the viewer got \(frames) of \(expected) frames\n\(result)")
                let cleanedUp = await Poll.until(timeoutSeconds: 10) { server.sessionCount == 0 }
                #expect(cleanedUp, "\(server.sessionCount) sessions left after the viewer ended")
            }
        }
    }
}
