import Foundation
import Randomness
import Testing

extension Integration {
    /// Nothing a client sends can take down another client's stream: while ffmpeg plays,
    /// a few hundred seeded hostile connections send random bytes, mutated requests,
    /// lying interleaved frames, endless lines, pipelined floods and broken HTTP tunnels,
    /// then vanish. The viewer keeps its frames and the server keeps answering.
    @Suite
    struct HostileClientsTests {
        static let connections = 240

        /// A request camsim understands, for mutating.
        static func validRequest(_ url: String, cseq: Int) -> [UInt8] {
            let methods = [
                "OPTIONS \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\n\r\n",
                "DESCRIBE \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\nAccept: application/sdp\r\n\r\n",
                "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: \(cseq)\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n",
                "SET_PARAMETER \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\nContent-Type: text/parameters\r\nContent-Length: 9\r\n\r\nloss: 5\r\n",
            ]
            return Array(methods[cseq % methods.count].utf8)
        }

        /// The bytes hostile connection `index` sends, drawn from `random`.
        static func hostileBytes(_ index: Int, url: String, host: String, _ random: inout SeededGenerator) -> [[UInt8]] {
            func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) } }
            switch index % 6 {
            case 0:
                return [randomBytes(Int.random(in: 1...4096, using: &random))]
            case 1:
                // A real request with a few bytes flipped, inserted or removed.
                var bytes = validRequest(url, cseq: index)
                for _ in 0..<Int.random(in: 1...6, using: &random) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &random)
                    case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
                    default: bytes.remove(at: at)
                    }
                }
                return [bytes]
            case 2:
                // Interleaved frames whose length promises more than arrives.
                let promised = Int.random(in: 0...65535, using: &random)
                let sent = min(promised, Int.random(in: 0...2048, using: &random))
                return [[0x24, UInt8.random(in: 0...255, using: &random), UInt8(promised >> 8), UInt8(promised & 0xFF)] + randomBytes(sent)]
            case 3:
                // A request line that never ends, then a header that never ends.
                return [Array("OPTIONS \(url)".utf8) + Array(repeating: UInt8(ascii: "a"), count: 20_000),
                        Array("\r\nX-Long: ".utf8) + Array(repeating: UInt8(ascii: "b"), count: 100_000)]
            case 4:
                // A flood of pipelined requests, more than the server queues.
                return [Array((0..<200).map { "OPTIONS \(url) RTSP/1.0\r\nCSeq: \($0)\r\n\r\n" }.joined().utf8)]
            default:
                // An HTTP tunnel whose POST carries garbage, some of it not even base64.
                let cookie = "hostile\(index)"
                let get = "GET /cam HTTP/1.0\r\nHost: \(host)\r\nx-sessioncookie: \(cookie)\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n"
                let post = "POST /cam HTTP/1.0\r\nHost: \(host)\r\nx-sessioncookie: \(cookie)\r\nContent-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n"
                let body = Data(randomBytes(Int.random(in: 1...600, using: &random))).base64EncodedString() + "!!*~\u{0}"
                return [Array(get.utf8), Array(post.utf8) + Array(body.utf8) + randomBytes(64)]
            }
        }

        @Test
        func hostileConnectionsDoNotDisturbAPlayingViewer() async throws {
            let fps = 15
            let seconds = 12
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let stream = try #require(server.stream(atPath: "cam"))
                let url = server.url(forPath: "cam")
                async let pull = Clients.ffmpegFrames(url, transport: "tcp", seconds: seconds)
                let watching = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.activeViewers >= 1 }
                try #require(watching, "ffmpeg never started playing")

                var random = SeededGenerator(seed: 2026)
                var refused = 0
                var stalls: [Int] = []
                let started = Date()
                for index in 0..<Self.connections {
                    // Each connection sends its bytes (the server may hang up part way) and goes.
                    if let client = try? RawRTSPClient(port: server.port, timeoutSeconds: 2) {
                        for chunk in Self.hostileBytes(index, url: url, host: "127.0.0.1:\(server.port)", &random) {
                            do { try client.send(bytes: chunk) } catch { break }
                        }
                        _ = client.hasIncomingData(timeoutSeconds: 0.005)
                    } else {
                        refused += 1
                    }
                    if index % 24 == 23 {
                        let flowing = await Poll.framesStillFlowing(stream)
                        if !flowing { stalls.append(index) }
                    }
                }
                let elapsed = Date().timeIntervalSince(started)

                let client = try RawRTSPClient(port: server.port)
                let options = try client.request("OPTIONS", url)
                // Sessions the hostile connections set up ended with their connections.
                let cleanedUp = await Poll.until(timeoutSeconds: 10) { server.sessionCount == 1 }
                let (result, frames) = try await pull
                print("hostile clients: \(Self.connections) connections in \(String(format: "%.1f", elapsed)) s, \(refused) refused; "
                      + "the viewer got \(frames) of \(fps * seconds) frames")
                #expect(refused == 0, "the server stopped accepting connections")
                #expect(stalls.isEmpty, "frames stopped flowing after connections \(stalls)")
                #expect(options.status == 200, "\(options)")
                #expect(cleanedUp, "\(server.sessionCount) sessions left; only ffmpeg's should remain")
                #expect(result.succeeded, "\(result)")
                #expect(Double(frames) >= 0.95 * Double(fps * seconds), "the viewer got \(frames) of \(fps * seconds) frames\n\(result)")
            }
        }
    }
}
