import Cameras
import NIOCore
import RTP
import RTSP
import Testing
@testable import Server

/// SETUP of each track of a stream with audio within one session: the tracks a session
/// binds, the interleaved channels they get and the refusals around them.
@Suite struct MultiTrackSetupTests {
    static let url = "rtsp://127.0.0.1:8554/cam"

    static func setup(_ client: FakeRTSPClient, track: Int, transport: String, session: String? = nil, cseq: Int) throws -> EmbeddedRTSP.Response {
        var text = "SETUP \(url)/trackID=\(track) RTSP/1.0\r\nCSeq: \(cseq)\r\nTransport: \(transport)\r\n"
        if let session { text += "Session: \(session)\r\n" }
        return try client.answer(text + "\r\n")
    }

    static func sessionID(_ reply: EmbeddedRTSP.Response) throws -> String {
        let header = try #require(reply.headers["session"])
        return String(header.split(separator: ";")[0])
    }

    @Test func bothTracksJoinOneSessionOnConsecutiveChannelPairs() throws {
        let server = FakeRTSPServer(audioPaths: ["cam"])
        let client = try server.connect()
        let video = try Self.setup(client, track: 0, transport: "RTP/AVP/TCP;unicast", cseq: 1)
        #expect(video.status == 200)
        #expect(video.headers["transport"]?.contains("interleaved=0-1") == true, "\(video.headers)")
        let id = try Self.sessionID(video)
        let audio = try Self.setup(client, track: 1, transport: "RTP/AVP/TCP;unicast", session: id, cseq: 2)
        #expect(audio.status == 200, "a second track of the same stream joins the session")
        #expect(audio.headers["transport"]?.contains("interleaved=2-3") == true, "\(audio.headers)")
        let session = try #require(server.sessions.session(id: id))
        #expect(session.bindings.map(\.index) == [0, 1])
        #expect(session.bindings.map(\.transport) == [.interleaved(rtp: 0, rtcp: 1), .interleaved(rtp: 2, rtcp: 3)])
        #expect(session.bindings[1].track.format == .pcmu)
        // Each track's Transport names its own SSRC.
        let stream = session.stream
        let hex = String(stream.audio!.identity.ssrc, radix: 16, uppercase: true)
        let audioSSRC = String(repeating: "0", count: 8 - hex.count) + hex
        #expect(audio.headers["transport"]?.uppercased().contains("SSRC=\(audioSSRC)") == true, "\(audio.headers)")
        #expect(server.sessions.all.count == 1)
        client.close()
        server.shutdown()
    }

    @Test func udpTracksSendToTheirOwnClientPorts() throws {
        let server = FakeRTSPServer(audioPaths: ["cam"])
        let client = try server.connect()
        let video = try Self.setup(client, track: 0, transport: "RTP/AVP;unicast;client_port=50000-50001", cseq: 1)
        let id = try Self.sessionID(video)
        let audio = try Self.setup(client, track: 1, transport: "RTP/AVP;unicast;client_port=50002-50003", session: id, cseq: 2)
        #expect(audio.status == 200)
        let destinations = server.ports.destinations.withLockedValue { $0 }
        #expect(destinations.map(\.rtp.port) == [50000, 50002])
        #expect(destinations.map(\.rtcp.port) == [50001, 50003])
        // The session's first track's RTCP source finds it.
        #expect(server.sessions.rtcpSources.withLockedValue { $0[id]?.port } == 50001)
        client.close()
        server.shutdown()
    }

    @Test func onlyTheAudioTrackMayBeSetUp() throws {
        let server = FakeRTSPServer(audioPaths: ["cam"])
        let client = try server.connect()
        let audio = try Self.setup(client, track: 1, transport: "RTP/AVP/TCP;unicast", cseq: 1)
        #expect(audio.status == 200)
        let session = try #require(server.sessions.session(id: try Self.sessionID(audio)))
        #expect(session.bindings.map(\.index) == [1])
        #expect(session.viewer === session.bindings[0].viewer)
        client.close()
        server.shutdown()
    }

    @Test func aTrackTheStreamDoesNotHaveIs404() throws {
        let server = FakeRTSPServer(audioPaths: ["cam"])
        let client = try server.connect()
        #expect(try Self.setup(client, track: 2, transport: "RTP/AVP/TCP;unicast", cseq: 1).status == 404)
        #expect(try Self.setup(client, track: 1, transport: "RTP/AVP/TCP;unicast", cseq: 2).status == 200)
        let silent = try server.connect(fromPort: 5555)
        let reply = try silent.answer(
            "SETUP rtsp://127.0.0.1:8554/other/trackID=1 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;unicast\r\n\r\n")
        #expect(reply.status == 404, "a camera without audio has no trackID=1")
        client.close()
        silent.close()
        server.shutdown()
    }

    @Test func setupAgainOnATrackReplacesOnlyThatTracksTransport() throws {
        let server = FakeRTSPServer(audioPaths: ["cam"])
        let client = try server.connect()
        let id = try Self.sessionID(try Self.setup(client, track: 0, transport: "RTP/AVP/TCP;interleaved=0-1", cseq: 1))
        _ = try Self.setup(client, track: 1, transport: "RTP/AVP/TCP;interleaved=2-3", session: id, cseq: 2)
        let again = try Self.setup(client, track: 1, transport: "RTP/AVP/TCP;interleaved=6-7", session: id, cseq: 3)
        #expect(again.status == 200)
        let session = try #require(server.sessions.session(id: id))
        #expect(session.bindings.map(\.transport) == [.interleaved(rtp: 0, rtcp: 1), .interleaved(rtp: 6, rtcp: 7)])
        client.close()
        server.shutdown()
    }

    @Test func theAudioSectionHasItsRTPMapAndControl() {
        let section = MediaDescription(format: .pcma, formatParameters: nil, control: "trackID=1")
        #expect(section.lines.map(\.serialized) == ["m=audio 0 RTP/AVP 8", "a=rtpmap:8 PCMA/8000", "a=control:trackID=1"])
        var aac = MediaDescription(
            format: RTPPayloadFormat(payloadType: 97, clockRate: 48000, encodingName: "MPEG4-GENERIC", mediaType: .audio, channels: 2),
            formatParameters: "streamtype=5;config=1190", control: "rtsp://h/cam/trackID=1?x=1")
        aac.direction = .sendonly
        #expect(aac.lines.map(\.serialized) == [
            "m=audio 0 RTP/AVP 97", "a=rtpmap:97 MPEG4-GENERIC/48000/2", "a=fmtp:97 streamtype=5;config=1190",
            "a=sendonly", "a=control:rtsp://h/cam/trackID=1?x=1",
        ])
    }

    @Test func rtpInfoURLsNameEachTrack() throws {
        let stream = FakeRTSPServer(audioPaths: ["cam"])
        defer { stream.shutdown() }
        let aggregate = try #require(RTSPURL(parsing: Self.url + "/"))
        let client = try stream.connect()
        defer { client.close() }
        let mount = try #require(stream.cameras.mount(for: aggregate))
        let request = RTSPRequest(method: .play, uri: Self.url + "/", headers: RTSPHeaders())
        #expect(RTSPConnection.trackURL(0, request: request, url: aggregate, mount: mount) == Self.url + "/trackID=0")
        #expect(RTSPConnection.trackURL(1, request: request, url: aggregate, mount: mount) == Self.url + "/trackID=1")
        let trackURL = try #require(RTSPURL(parsing: Self.url + "/trackID=1"))
        let trackMount = try #require(stream.cameras.mount(for: trackURL))
        let trackRequest = RTSPRequest(method: .play, uri: Self.url + "/trackID=1", headers: RTSPHeaders())
        #expect(RTSPConnection.trackURL(1, request: trackRequest, url: trackURL, mount: trackMount) == Self.url + "/trackID=1")
        #expect(RTSPConnection.trackURL(0, request: trackRequest, url: trackURL, mount: trackMount) == Self.url + "/trackID=0")
    }

    @Test func rtpInfoWaitsForEveryTrackAndKeepsTrackOrder() {
        let collector = RTSPConnection.RTPInfoCollector(expected: [0, 1])
        #expect(collector.add(RTPInfoEntry(url: "a/trackID=1", sequenceNumber: 9, rtpTime: 160), track: 1) == nil)
        let all = collector.add(RTPInfoEntry(url: "a/trackID=0", sequenceNumber: 3, rtpTime: 90000), track: 0)
        #expect(all?.map(\.url) == ["a/trackID=0", "a/trackID=1"])
    }
}
