import Faults
import NIOCore
import Testing
@testable import Server

/// `RTSPConnection` on an `EmbeddedChannel` with fake cameras, sessions, UDP ports
/// and clock: what it answers, and what it does to the sessions behind it.
@Suite struct RTSPConnectionTests {
    static let url = "rtsp://127.0.0.1:8554/cam"

    @Test func optionsNeedsNoCamera() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let reply = try client.answer("OPTIONS * RTSP/1.0\r\nCSeq: 3\r\n\r\n")
        #expect(reply.status == 200)
        #expect(reply.headers["cseq"] == "3")
        #expect(reply.headers["public"] == RTSPConnection.supportedMethods)
        #expect(server.cameras.lookupCount == 0, "`*` names no camera")
        client.close()
        server.shutdown()
    }

    @Test func anUnknownPathIs404FromTheLookup() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let reply = try client.answer(
            "SETUP rtsp://127.0.0.1:8554/nope/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n")
        #expect(reply.status == 404)
        #expect(server.sessions.all.isEmpty)
        client.close()
        server.shutdown()
    }

    @Test func oneSetupLooksItsURLUpOnce() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let reply = try client.answer(
            "SETUP \(Self.url)/trackID=0?loss=5&seed=9 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n")
        #expect(reply.status == 200)
        #expect(server.cameras.lookupCount == 1)
        client.close()
        server.shutdown()
    }

    @Test func udpSetupAnnouncesTheMediaPortsAndSendsToTheClientPorts() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let reply = try client.answer(
            "SETUP \(Self.url)/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP;unicast;client_port=50000-50001\r\n\r\n")
        #expect(reply.status == 200)
        let transport = try #require(reply.headers["transport"])
        #expect(transport.contains("client_port=50000-50001"), "\(transport)")
        #expect(transport.contains("server_port=6970-6971"), "\(transport)")
        let session = try #require(reply.headers["session"])
        #expect(session.hasSuffix(";timeout=\(FakeRTSPServer.sessionTimeoutSeconds)"), "\(session)")
        let id = String(session.split(separator: ";")[0])
        #expect(server.sessions.session(id: id) != nil)
        let destinations = server.ports.destinations.withLockedValue { $0 }
        #expect(destinations.map(\.rtp.port) == [50000])
        #expect(destinations.map(\.rtcp.port) == [50001])
        #expect(server.sessions.rtcpSources.withLockedValue { $0[id]?.port } == 50001)
        client.close()
        server.shutdown()
    }

    @Test func aSessionLivesWhileKeptAliveAndExpiresAfterItsTimeout() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let id = try client.setUp(Self.url)
        let session = try #require(server.sessions.session(id: id))
        server.clock.advance(seconds: 20)
        let keepAlive = try client.answer("GET_PARAMETER \(Self.url) RTSP/1.0\r\nCSeq: 2\r\nSession: \(id)\r\n\r\n")
        #expect(keepAlive.status == 200)
        #expect(keepAlive.headers["session"] == "\(id);timeout=30")
        server.clock.advance(seconds: 20)
        #expect(!session.isExpired(atNanoseconds: server.clock.nanoseconds()), "40 s after SETUP, 20 s after a keep-alive")
        server.clock.advance(seconds: 11)
        #expect(session.isExpired(atNanoseconds: server.clock.nanoseconds()), "31 s after the last keep-alive")
        client.close()
        server.shutdown()
    }

    @Test func teardownAndCloseForgetSessions() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let first = try client.setUp(Self.url)
        _ = try client.setUp(Self.url, channels: "2-3", cseq: 2)
        #expect(server.sessions.all.count == 2)
        let teardown = try client.answer("TEARDOWN \(Self.url) RTSP/1.0\r\nCSeq: 3\r\nSession: \(first)\r\n\r\n")
        #expect(teardown.status == 200)
        #expect(server.sessions.session(id: first) == nil)
        #expect(server.sessions.all.count == 1)
        client.close()
        #expect(server.sessions.all.isEmpty, "closing the connection ends the sessions it set up")
        server.shutdown()
    }

    @Test func theQuerysControlFaultsApplyToThatRequestOnly() throws {
        let server = FakeRTSPServer()
        let client = try server.connect()
        let refused = try client.answer(
            "SETUP \(Self.url)/trackID=0?respond=SETUP:503 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n")
        #expect(refused.status == 503)
        #expect(server.sessions.all.isEmpty)
        let accepted = try client.answer(
            "SETUP \(Self.url)/trackID=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n")
        #expect(accepted.status == 200)
        client.close()
        server.shutdown()
    }

    @Test func theCamerasViewerLimitCountsSessionsInTheDirectory() throws {
        var faults = FaultProfile.empty
        faults.control.maxViewers = 1
        let server = FakeRTSPServer(cameraFaults: faults)
        let first = try server.connect(fromPort: 5554)
        let second = try server.connect(fromPort: 5556)
        _ = try first.setUp(Self.url)
        let refused = try second.answer(
            "SETUP \(Self.url)/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n")
        #expect(refused.status == 453)
        #expect(server.sessions.all.count == 1)
        first.close()
        second.close()
        server.shutdown()
    }
}
