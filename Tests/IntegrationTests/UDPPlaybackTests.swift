import Foundation
import Testing

extension Integration {
    /// Playback over UDP: RTP-Info matches the first datagram, and sender reports with
    /// a CNAME reach the client's RTCP port.
    @Suite
    struct UDPPlaybackTests {
        @Test
        func rtpInfoMatchesFirstDatagramAndSenderReportsArrive() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let client = try RawRTSPClient(port: server.port)
                let transport = "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)"
                let session = try client.describeSetupPlay(url, transport: transport)

                let reply = session.setup.header("Transport") ?? ""
                #expect(
                    RTSPHeaderValues.transportParameter(reply, "client_port") == "\(rtp.port)-\(rtcp.port)",
                    "Transport: \(reply)")
                #expect(RTSPHeaderValues.transportParameter(reply, "server_port") != nil, "Transport: \(reply)")

                let datagram = try #require(rtp.receive(timeoutSeconds: 10), "no RTP datagram within 10 s")
                let packet = try #require(RTPPacketView(datagram), "not an RTP packet")
                #expect(packet.payloadType == 96)
                #expect(packet.sequenceNumber == session.rtpInfo.seq, "RTP-Info seq=\(session.rtpInfo.seq), \(H264PayloadChecks.describe(packet))")
                #expect(packet.timestamp == session.rtpInfo.rtptime, "RTP-Info rtptime=\(session.rtpInfo.rtptime), \(H264PayloadChecks.describe(packet))")
                #expect(
                    H264PayloadChecks.startsDecodableAccessUnit(packet),
                    "first datagram is not an IDR start: \(H264PayloadChecks.describe(packet))")

                // RFC 3550 §6.1: every compound starts with an SR or RR and carries an SDES CNAME.
                let deadline = Date().addingTimeInterval(6)
                var report: [RTCPPacketView]?
                while report == nil, deadline.timeIntervalSinceNow > 0 {
                    guard let bytes = rtcp.receive(timeoutSeconds: deadline.timeIntervalSinceNow) else { break }
                    if let packets = RTCPPacketView.split(bytes), packets.first?.packetType == 200 { report = packets }
                }
                let compound = try #require(report, "no RTCP sender report on port \(rtcp.port) within 6 s")
                let cnames = compound.flatMap(\.cnames)
                #expect(!cnames.isEmpty && cnames.allSatisfy { !$0.isEmpty }, "SR compound without SDES CNAME: types \(compound.map(\.packetType))")
                let senderSSRC = compound[0].senderInfo?.ssrc
                #expect(senderSSRC == packet.ssrc, "SR SSRC \(senderSSRC.map(String.init) ?? "none") differs from RTP SSRC \(packet.ssrc)")

                let teardown = try client.request("TEARDOWN", url + "/", headers: [("Session", session.sessionID)])
                #expect(teardown.status == 200, "\(teardown)")
                var sawBye = false
                let byeDeadline = Date().addingTimeInterval(5)
                while !sawBye, byeDeadline.timeIntervalSinceNow > 0 {
                    guard let bytes = rtcp.receive(timeoutSeconds: byeDeadline.timeIntervalSinceNow) else { break }
                    sawBye = RTCPPacketView.containsBye(bytes)
                }
                #expect(sawBye, "no RTCP BYE on the client's RTCP port after TEARDOWN")
            }
        }
    }
}
