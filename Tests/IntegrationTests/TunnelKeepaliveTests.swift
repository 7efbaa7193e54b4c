import Foundation
import RTP
import Testing

extension Integration {
    /// live555 (VLC's RTSP stack) sends its RTCP receiver reports as `$` frames on the
    /// tunnel's GET connection; they keep a tunnelled session alive like RTCP on a plain
    /// RTSP connection (RFC 2326 §12.37).
    @Suite
    struct TunnelKeepaliveTests {
        static let timeout = 2

        @Test
        func receiverReportsOnTheGetHalfKeepATunnelledSessionAlive() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], sessionTimeoutSeconds: Self.timeout) { server in
                let url = server.url(forPath: "cam")
                let output = try RawRTSPClient(port: server.port)
                try output.send("GET /cam HTTP/1.0\r\nx-sessioncookie: keepalive1\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n")
                let opened = try output.readResponse()
                #expect(opened.version == "HTTP/1.0" && opened.status == 200, "\(opened)")
                let input = try ViewerSocket(port: server.port)
                try input.send("POST /cam HTTP/1.0\r\nx-sessioncookie: keepalive1\r\nContent-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n")

                func tunnelled(_ method: String, _ uri: String, _ headers: [(String, String)] = []) throws -> RTSPReply {
                    var text = "\(method) \(uri) RTSP/1.0\r\nCSeq: \(output.takeCSeq())\r\n"
                    for (name, value) in headers { text += "\(name): \(value)\r\n" }
                    try input.send(Data((text + "\r\n").utf8).base64EncodedString())
                    return try output.readResponse()
                }
                let setup = try tunnelled("SETUP", url + "/trackID=0", [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                try #require(setup.status == 200, "\(setup)")
                let session = RTSPHeaderValues.sessionID(setup.header("Session") ?? "")
                let play = try tunnelled("PLAY", url + "/", [("Session", session)])
                try #require(play.status == 200, "\(play)")

                // Only receiver reports from now on, on the GET half, for 2.5 session timeouts.
                let report = RTCPCompound.serialize([
                    .receiverReport(RTCPReceiverReport(ssrc: 0x5EED_0002)),
                    .sourceDescription(RTCPSourceDescription(ssrc: 0x5EED_0002, cname: "viewer@127.0.0.1")),
                ])
                let frame = [0x24, 1, UInt8(report.count >> 8), UInt8(report.count & 0xFF)] + report
                let start = Date()
                var frames = 0
                while Date().timeIntervalSince(start) < Double(Self.timeout) * 2.5 {
                    try output.send(bytes: frame)
                    let until = Date().addingTimeInterval(0.5)
                    while Date() < until, (try? output.readFrame(timeoutSeconds: 0.1)) != nil { frames += 1 }
                    #expect(server.sessionCount == 1, "tunnelled session expired after \(Date().timeIntervalSince(start)) s of receiver reports")
                }
                #expect(frames > 10, "\(frames) media frames through the tunnel")
                #expect(server.sessionCount == 1)
            }
        }
    }
}
