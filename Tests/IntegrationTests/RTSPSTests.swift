import Composition
import Config
import Foundation
import Server
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension TestServer {
    /// Like `with(cameras:)`, with RTSPS on a free port too: a self-signed certificate
    /// unless `identity` is given.
    static func withRTSPS<T>(
        cameras: [CameraDefinition],
        identity: TLSIdentity? = nil,
        configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: (CamsimServer) async throws -> T
    ) async throws -> T {
        try await with(cameras: cameras, configure: { configuration in
            configuration.rtsps = RTSPSSettings(port: 0, identity: identity)
            configure(&configuration)
        }, body)
    }
}

extension Integration {
    /// RTSP over TLS: real clients play through it, the served certificate is the one
    /// announced, media stays inside the TLS connection, and failed handshakes touch no one else.
    @Suite
    struct RTSPSTests {
        static let fps = 15

        @Test
        func ffmpegPlaysFiveSecondsOverRTSPS() async throws {
            try await TestServer.withRTSPS(cameras: [try TestServer.camera("cam", fps: Self.fps)]) { server in
                let url = try #require(server.secureURL(forPath: "cam"))
                #expect(url.hasPrefix("rtsps://127.0.0.1:") && url != server.url(forPath: "cam"), "\(url)")
                let seconds = 5
                // ffmpeg does not verify the server's certificate unless told to (-tls_verify 1).
                let (result, frames) = try await Clients.ffmpegFrames(url, transport: "tcp", seconds: seconds)
                #expect(result.succeeded, "\(result)")
                let expected = Self.fps * seconds
                #expect(Double(frames) >= 0.95 * Double(expected), "\(frames) of \(expected) frames over RTSPS\n\(result)")
            }
        }

        @Test
        func gstreamerDecodesThirtyBuffersOverRTSPS() async throws {
            let gst = try Clients.gstLaunch()
            try await TestServer.withRTSPS(cameras: [try TestServer.camera("cam")]) { server in
                let url = try #require(server.secureURL(forPath: "cam"))
                let result = await ClientProcess.run(gst, [
                    "-v", "rtspsrc", "location=\(url)", "tls-validation-flags=0",
                    "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=30", "silent=false",
                ], timeoutSeconds: 60)
                let decoded = GStreamerRTSPSJudgement.decodedPictures(result)
                #expect(decoded >= 30, "\(decoded) pictures decoded\n\(result)")
                #expect(GStreamerRTSPSJudgement.endedCleanly(result), "\(result)")
            }
        }

        /// The fingerprint the server reports is that of the certificate a TLS client is
        /// served, and the self-signed certificate names the loopback address.
        @Test
        func selfSignedCertificateIsTheOneAnnounced() async throws {
            try await TestServer.withRTSPS(cameras: [try TestServer.camera("cam")]) { server in
                let port = try #require(server.tlsPort)
                let identity = try #require(server.tlsCertificate)
                #expect(identity.isSelfSigned)
                let pem = try await OpenSSLClient.servedCertificate(port: port)
                #expect(try await OpenSSLClient.fingerprint(pem) == identity.fingerprint.description)
                let text = try await OpenSSLClient.x509(pem, ["-text"])
                #expect(text.contains("IP Address:127.0.0.1"), "\(text)")
                #expect(text.contains("DNS:localhost"), "\(text)")
                #expect(text.contains("prime256v1") || text.contains("P-256"), "\(text)")
            }
        }

        /// `server.tls.cert` and `key` (read through the configuration path) are served as given.
        @Test
        func configuredCertificateAndKeyAreServed() async throws {
            let made = try await OpenSSLClient.makeCertificate(commonName: "camsim-test-camera")
            defer { try? FileManager.default.removeItem(at: made.directory) }
            let settings = try #require(
                try RTSPSSettings(TLSSettings(port: 0, certificatePath: made.certificate, keyPath: made.key)))
            let identity = try #require(settings.identity)
            #expect(!identity.isSelfSigned)
            let expected = try await OpenSSLClient.fingerprint(try String(contentsOfFile: made.certificate, encoding: .utf8))
            #expect(identity.fingerprint.description == expected)
            try await TestServer.withRTSPS(cameras: [try TestServer.camera("cam")], identity: identity) { server in
                let pem = try await OpenSSLClient.servedCertificate(port: try #require(server.tlsPort))
                #expect(try await OpenSSLClient.fingerprint(pem) == expected)
                let (client, process) = try OpenSSLClient.rawClient(port: try #require(server.tlsPort))
                defer { process.stop() }
                let options = try client.request("OPTIONS", try #require(server.secureURL(forPath: "cam")))
                #expect(options.status == 200, "\(options)")
            }
        }

        /// A key that is not the certificate's is refused, naming `server.tls.key`.
        @Test
        func mismatchedKeyIsAConfigurationError() async throws {
            let first = try await OpenSSLClient.makeCertificate(commonName: "first")
            let second = try await OpenSSLClient.makeCertificate(commonName: "second")
            defer {
                try? FileManager.default.removeItem(at: first.directory)
                try? FileManager.default.removeItem(at: second.directory)
            }
            do throws(RTSPSConfigurationError) {
                _ = try RTSPSSettings(TLSSettings(port: 0, certificatePath: first.certificate, keyPath: second.key))
                Issue.record("a key of another certificate was accepted")
            } catch {
                #expect(error.keyPath == "server.tls.key", "\(error)")
                #expect(error.description.contains(second.key), "\(error)")
            }
            do throws(RTSPSConfigurationError) {
                _ = try RTSPSSettings(TLSSettings(port: 0, certificatePath: first.key, keyPath: first.key))
                Issue.record("a key file was accepted as a certificate")
            } catch {
                #expect(error.keyPath == "server.tls.cert", "\(error)")
            }
        }

        /// The per-address cap counts connections on both listeners together.
        @Test
        func theConnectionCapCountsBothListeners() async throws {
            try await TestServer.withRTSPS(
                cameras: [try TestServer.camera("cam")], configure: { $0.maximumConnectionsPerAddress = 2 }
            ) { server in
                let url = server.url(forPath: "cam")
                let tlsPort = try #require(server.tlsPort)
                let plain = try RawRTSPClient(port: server.port)
                #expect(try plain.request("OPTIONS", url).status == 200)
                let (secure, process) = try OpenSSLClient.rawClient(port: tlsPort)
                defer { process.stop() }
                #expect(try secure.request("OPTIONS", try #require(server.secureURL(forPath: "cam"))).status == 200)

                let third = try RawRTSPClient(port: server.port)
                #expect(third.waitForClose(timeoutSeconds: 10), "a third connection stayed open under a cap of 2")
                let fourth = try LoopbackSockets.connectTCP(port: tlsPort)
                defer { close(fourth) }
                #expect(
                    RTSPSHandshakeFailureTests.readUntilClosed(fourth, timeoutSeconds: 10).closed,
                    "a third connection, on the TLS port, stayed open under a cap of 2")
            }
        }

        /// Over RTSPS media stays in the TLS connection: UDP is 461, interleaved plays.
        @Test
        func udpSetupOverRTSPSIsUnsupportedTransport() async throws {
            try await TestServer.withRTSPS(cameras: [try TestServer.camera("cam")]) { server in
                let url = try #require(server.secureURL(forPath: "cam"))
                let (client, process) = try OpenSSLClient.rawClient(port: try #require(server.tlsPort))
                defer { process.stop() }
                let udp = try client.request(
                    "SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;unicast;client_port=50000-50001")])
                #expect(udp.status == 461, "\(udp)")
                #expect(udp.bodyText.contains("interleaved"), "\(udp)")
                #expect(server.sessionCount == 0)

                // Offered after UDP, interleaved is chosen; media then arrives inside TLS.
                let session = try client.describeSetupPlay(
                    url, transport: "RTP/AVP;unicast;client_port=50000-50001,RTP/AVP/TCP;unicast;interleaved=0-1")
                #expect(session.setup.header("Transport")?.contains("interleaved=0-1") == true, "\(session.setup)")
                let frame = try client.readFrame()
                #expect(frame.channel == 0 && frame.payload.count > 12)

                // The same UDP offer on the plain port is served.
                let plain = try RawRTSPClient(port: server.port)
                let served = try plain.request(
                    "SETUP", server.url(forPath: "cam") + "/trackID=0",
                    headers: [("Transport", "RTP/AVP;unicast;client_port=50000-50001")])
                #expect(served.status == 200, "\(served)")
            }
        }
    }
}

extension Integration {
    /// RTSPS through `camsim serve` and through the RTSP-over-HTTPS tunnel.
    @Suite
    struct RTSPSServeTests {
        /// `--tls-port` lists the rtsps:// URLs after the rtsp:// ones, and the fingerprint
        /// on standard error is that of the certificate a TLS client is served.
        @Test
        func servePrintsRTSPSURLsAndTheServedCertificatesFingerprint() async throws {
            let serve = try ServeProcess(["--bind", "127.0.0.1", "--port", "0", "--tls-port", "0"])
            defer { Task { _ = await serve.stop() } }
            let lines = await serve.waitForLines(4)
            #expect(lines.count == 4, "printed: \(lines)")
            #expect(lines.prefix(2).allSatisfy { $0.hasPrefix("rtsp://127.0.0.1:") }, "\(lines)")
            #expect(lines.suffix(2).allSatisfy { $0.hasPrefix("rtsps://127.0.0.1:") }, "\(lines)")
            #expect(lines.map { $0.split(separator: "/").last.map(String.init) } == ["bars", "small", "bars", "small"])
            let secure = try #require(lines.last.flatMap(URLComponents.init(string:)))
            let port = try #require(secure.port)
            #expect(port != 0)

            let printed = await Poll.until(timeoutSeconds: 10) { serve.errorText.contains("SHA-256 fingerprint: ") }
            try #require(printed, "no fingerprint on stderr:\n\(serve.errorText)")
            let line = try #require(serve.errorText.split(separator: "\n").first { $0.contains("SHA-256 fingerprint: ") })
            let announced = try #require(line.components(separatedBy: "SHA-256 fingerprint: ").last)
            #expect(line.contains("self-signed"), "\(line)")
            let served = try await OpenSSLClient.fingerprint(try await OpenSSLClient.servedCertificate(port: port))
            #expect(announced == served, "printed \(announced), served \(served)")
            let status = await serve.stop()
            #expect(status == 0)
        }

        /// ffmpeg's RTSP-over-HTTPS tunnel plays; a plain POST cannot join a GET half that
        /// came in over TLS.
        @Test
        func httpsTunnelPlaysAndItsHalvesStayOnOneListener() async throws {
            let fps = 15
            try await TestServer.withRTSPS(cameras: [try TestServer.camera("cam", fps: fps)]) { server in
                let port = try #require(server.tlsPort)
                let (result, frames) = try await Clients.ffmpegFrames(
                    "rtsp://127.0.0.1:\(port)/cam", transport: "https", seconds: 3)
                #expect(result.succeeded, "\(result)")
                #expect(Double(frames) >= 0.95 * Double(3 * fps), "\(frames) frames through the HTTPS tunnel\n\(result)")

                let (socket, process) = try OpenSSLClient.connect(port: port)
                defer {
                    process.stop()
                    close(socket)
                }
                let get = Array("GET /cam HTTP/1.0\r\nx-sessioncookie: mixed1\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n".utf8)
                _ = get.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                let opened = Self.read(socket, until: "\r\n\r\n")
                #expect(opened?.hasPrefix("HTTP/1.0 200 OK") == true, "\(String(describing: opened))")

                let encoded = Data("OPTIONS \(server.url(forPath: "cam")) RTSP/1.0\r\nCSeq: 3\r\n\r\n".utf8).base64EncodedString()
                let input = try ViewerSocket(port: server.port)
                try input.send("POST /cam HTTP/1.0\r\nx-sessioncookie: mixed1\r\nContent-Length: 32767\r\n\r\n" + encoded)
                let refusal = HTTPTunnelTests.read(input, until: "\r\n")
                #expect(refusal?.hasPrefix("HTTP/1.0 400") == true, "\(String(describing: refusal))")
                #expect(Self.read(socket, until: "CSeq: 3", timeoutSeconds: 1) == nil, "the plain POST's request was answered")
            }
        }

        /// Reads the TLS client's socket until `marker` appears; nil if it does not in time.
        static func read(_ socket: Int32, until marker: String, timeoutSeconds: Double = 10) -> String? {
            var text = ""
            var chunk = [UInt8](repeating: 0, count: 4096)
            let deadline = Date().addingTimeInterval(timeoutSeconds)
            while !text.contains(marker), deadline.timeIntervalSinceNow > 0 {
                var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { continue }
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                text += String(decoding: chunk[0..<count], as: UTF8.self)
            }
            return text.contains(marker) ? text : nil
        }
    }
}
