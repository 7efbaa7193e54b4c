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
                    "-q", "rtspsrc", "location=\(url)", "tls-validation-flags=0",
                    "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=30",
                ], timeoutSeconds: 60)
                #expect(result.succeeded, "\(result)")
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
