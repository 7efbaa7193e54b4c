import Foundation
import Testing

extension Integration {
    /// RTSP over HTTP tunnelling: a GET carries the answers and RTP out, a POST carries
    /// base64 RTSP in, tied by `x-sessioncookie`. ffmpeg and GStreamer both speak it.
    @Suite
    struct HTTPTunnelTests {
        @Test
        func ffmpegPullsThroughTheTunnel() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let (result, frames) = try await Clients.ffmpegFrames(server.url(forPath: "cam"), transport: "http", seconds: 4)
                #expect(result.succeeded, "\(result)")
                #expect(result.stderr.split(separator: "\n").filter { !$0.isEmpty }.isEmpty, "\(result.stderr)")
                #expect(frames >= 57, "\(frames) of 60 frames through the tunnel")
            }
        }

        @Test
        func gstreamerPlaysRtsphURLs() async throws {
            let gst = try Clients.gstLaunch()
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam").replacingOccurrences(of: "rtsp://", with: "rtsph://")
                let result = await ClientProcess.run(gst, [
                    "rtspsrc", "location=\(url)", "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=30",
                ], timeoutSeconds: 60)
                #expect(result.gstreamerPlayedToTheEnd, "\(result)")
            }
        }

        @Test
        func rawTunnelAnswersThroughTheGetHalf() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let output = try ViewerSocket(port: server.port)
                try output.send("GET /cam HTTP/1.0\r\nx-sessioncookie: 7f3a9c\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n")
                let opened = try #require(Self.read(output, until: "\r\n\r\n"), "no reply to the GET half")
                #expect(opened.hasPrefix("HTTP/1.0 200 OK"), "\(opened)")
                #expect(opened.contains("Content-Type: application/x-rtsp-tunnelled"), "\(opened)")

                // The request is split mid-way through a base64 group, over two writes.
                let request = "OPTIONS \(url) RTSP/1.0\r\nCSeq: 5\r\n\r\n"
                let encoded = Data(request.utf8).base64EncodedString()
                let input = try ViewerSocket(port: server.port)
                try input.send("POST /cam HTTP/1.0\r\nx-sessioncookie: 7f3a9c\r\nContent-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n" + String(encoded.prefix(7)))
                try input.send(String(encoded.dropFirst(7)))
                let answer = try #require(Self.read(output, until: "\r\n\r\n"), "no RTSP answer on the GET half")
                #expect(answer.hasPrefix("RTSP/1.0 200 OK") && answer.contains("CSeq: 5") && answer.contains("Public:"), "\(answer)")

                // A second GET with the same cookie, and a POST with an unknown one, are refused.
                let twin = try ViewerSocket(port: server.port)
                try twin.send("GET /cam HTTP/1.0\r\nx-sessioncookie: 7f3a9c\r\n\r\n")
                #expect(Self.read(twin, until: "\r\n")?.hasPrefix("HTTP/1.0 400") == true)
                let stray = try ViewerSocket(port: server.port)
                try stray.send("POST /cam HTTP/1.0\r\nx-sessioncookie: nosuchcookie\r\n\r\nT1BUSU9OUw==")
                #expect(Self.read(stray, until: "\r\n")?.hasPrefix("HTTP/1.0 400") == true)
            }
        }

        @Test
        func aPostThatOvertakesItsGetStillGetsAnswered() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let encoded = Data("OPTIONS \(server.url(forPath: "cam")) RTSP/1.0\r\nCSeq: 9\r\n\r\n".utf8).base64EncodedString()
                let input = try ViewerSocket(port: server.port)
                try input.send("POST /cam HTTP/1.0\r\nx-sessioncookie: early1\r\nContent-Length: 32767\r\n\r\n" + encoded)
                try await Task.sleep(for: .milliseconds(200))
                let output = try ViewerSocket(port: server.port)
                try output.send("GET /cam HTTP/1.0\r\nx-sessioncookie: early1\r\n\r\n")
                let text = Self.read(output, until: "CSeq: 9")
                #expect(text?.contains("RTSP/1.0 200 OK") == true, "\(String(describing: text))")
            }
        }

        /// Reads until `marker` appears (or 10 s pass), returning the text read.
        static func read(_ socket: ViewerSocket, until marker: String) -> String? {
            var text = ""
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if text.contains(marker) { return text }
                switch socket.read(timeoutSeconds: deadline.timeIntervalSinceNow) {
                case .bytes(let bytes): text += String(decoding: bytes, as: UTF8.self)
                default: return text.contains(marker) ? text : nil
                }
            }
            return text.contains(marker) ? text : nil
        }
    }
}
