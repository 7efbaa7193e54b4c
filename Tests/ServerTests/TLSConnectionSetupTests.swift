import Testing
@testable import Server

/// SETUP on a connection from the RTSPS listener: media stays interleaved inside TLS.
@Suite struct TLSConnectionSetupTests {
    static let url = "rtsps://127.0.0.1:8322/cam"

    static func setup(_ transport: String) -> String {
        "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: \(transport)\r\n\r\n"
    }

    @Test func udpAloneIsUnsupportedTransportWithTheReason() throws {
        let server = FakeRTSPServer()
        let client = try server.connect(isTLS: true)
        let reply = try client.answer(Self.setup("RTP/AVP;unicast;client_port=50000-50001"))
        #expect(reply.status == 461)
        #expect(reply.body.contains("RTP/AVP/TCP"), "\(reply.body)")
        #expect(server.sessions.all.isEmpty)
        #expect(server.ports.destinations.withLockedValue { $0 }.isEmpty, "a UDP destination was set up")
        client.close()
        server.shutdown()
    }

    @Test func interleavedIsChosenOverAnEarlierUDPOffer() throws {
        let server = FakeRTSPServer()
        let client = try server.connect(isTLS: true)
        let reply = try client.answer(
            Self.setup("RTP/AVP;unicast;client_port=50000-50001,RTP/AVP/TCP;unicast;interleaved=2-3"))
        #expect(reply.status == 200)
        #expect(reply.headers["transport"]?.contains("RTP/AVP/TCP;unicast;interleaved=2-3") == true, "\(reply.headers)")
        #expect(server.ports.destinations.withLockedValue { $0 }.isEmpty)
        client.close()
        server.shutdown()
    }

    @Test func thePlainListenerStillServesUDP() throws {
        let server = FakeRTSPServer()
        let client = try server.connect(isTLS: false)
        let reply = try client.answer(Self.setup("RTP/AVP;unicast;client_port=50000-50001"))
        #expect(reply.status == 200)
        client.close()
        server.shutdown()
    }
}
