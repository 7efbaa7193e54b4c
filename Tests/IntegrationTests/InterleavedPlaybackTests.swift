import Foundation
import Testing

extension Integration {
    /// The RTSP exchange over TCP, byte by byte: SDP, Transport, Session, RTP-Info that
    /// matches the first interleaved packet, and an RTCP BYE at TEARDOWN.
    @Suite
    struct InterleavedPlaybackTests {
        @Test
        func rtpInfoMatchesFirstInterleavedPacket() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)

                let options = try client.request("OPTIONS", url)
                #expect(options.status == 200, "\(options)")
                #expect(options.header("CSeq") == "1")
                let methods = options.header("Public") ?? ""
                for method in ["DESCRIBE", "SETUP", "PLAY", "TEARDOWN", "GET_PARAMETER"] {
                    #expect(methods.contains(method), "Public: \(methods)")
                }

                let describe = try client.request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
                try #require(describe.status == 200, "\(describe)")
                #expect(describe.header("CSeq") == "2")
                #expect(describe.header("Content-Base") == url + "/", "\(describe)")
                #expect(describe.header("Content-Type") == "application/sdp", "\(describe)")
                let sdp = describe.bodyText
                #expect(sdp.contains("a=rtpmap:96 H264/90000"), "SDP:\n\(sdp)")
                #expect(sdp.contains("packetization-mode=1"), "SDP:\n\(sdp)")
                #expect(sdp.contains("sprop-parameter-sets="), "SDP:\n\(sdp)")
                #expect(sdp.contains("a=control:"), "SDP:\n\(sdp)")

                let setup = try client.request(
                    "SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
                try #require(setup.status == 200, "\(setup)")
                #expect(setup.header("CSeq") == "3")
                let transport = setup.header("Transport") ?? ""
                #expect(RTSPHeaderValues.transportParameter(transport, "interleaved") == "0-1", "Transport: \(transport)")
                let sessionHeader = try #require(setup.header("Session"), "\(setup)")
                #expect(
                    sessionHeader.wholeMatch(of: /[A-Za-z0-9]+;timeout=60/) != nil,
                    "Session header \(sessionHeader.debugDescription)")
                let session = RTSPHeaderValues.sessionID(sessionHeader)

                let play = try client.request("PLAY", url + "/", headers: [("Session", session), ("Range", "npt=0.000-")])
                try #require(play.status == 200, "\(play)")
                #expect(play.header("CSeq") == "4")
                let info = try #require(play.header("RTP-Info").flatMap(RTSPHeaderValues.rtpInfo), "\(play)")
                #expect(info.url == url + "/trackID=0", "RTP-Info: \(play.header("RTP-Info") ?? "")")

                var first: InterleavedFrame
                repeat { first = try client.readFrame(timeoutSeconds: 10) } while first.channel != 0
                let packet = try #require(RTPPacketView(first.payload), "channel 0 carried no RTP packet")
                #expect(packet.payloadType == 96)
                #expect(packet.sequenceNumber == info.seq, "RTP-Info seq=\(info.seq), \(H264PayloadChecks.describe(packet))")
                #expect(packet.timestamp == info.rtptime, "RTP-Info rtptime=\(info.rtptime), \(H264PayloadChecks.describe(packet))")
                #expect(
                    H264PayloadChecks.startsDecodableAccessUnit(packet),
                    "first packet is not an IDR start: \(H264PayloadChecks.describe(packet))")

                // A few more packets arrive in sequence.
                var expected = packet.sequenceNumber &+ 1
                for _ in 0..<20 {
                    let frame = try client.readFrame(timeoutSeconds: 10)
                    guard frame.channel == 0, let next = RTPPacketView(frame.payload) else { continue }
                    #expect(next.sequenceNumber == expected)
                    expected = next.sequenceNumber &+ 1
                }

                let teardown = try client.request("TEARDOWN", url + "/", headers: [("Session", session)])
                #expect(teardown.status == 200, "\(teardown)")
                #expect(teardown.header("CSeq") == "5")
                #expect(try sawBye(client), "no RTCP BYE on channel 1 around TEARDOWN")
                #expect(await Poll.until(timeoutSeconds: 5) { server.sessionCount == 0 })
            }
        }

        /// Reads interleaved frames (those already received first) until an RTCP BYE on
        /// channel 1 shows up, the connection closes, or 5 s pass.
        func sawBye(_ client: RawRTSPClient) throws -> Bool {
            let deadline = Date().addingTimeInterval(5)
            var frames = client.drainFrames()
            while true {
                for frame in frames where frame.channel == 1 {
                    if RTCPPacketView.containsBye(frame.payload) { return true }
                }
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { return false }
                do {
                    frames = [try client.readFrame(timeoutSeconds: remaining)]
                } catch {
                    return false
                }
            }
        }
    }
}
