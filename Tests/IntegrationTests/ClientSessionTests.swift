import Foundation
import RTP
import RTSP
import RTSPAuth
import RTSPClient
import RTSPClientTransport
import Server
import Testing

/// The RTSP client module against camsim and against gst-rtsp-server: describe, set up,
/// play and tear down over each transport, receiving whole H.264 access units.
@Suite(.serialized) struct ClientSessionTests {
    /// What one session delivered.
    struct Outcome {
        var description: RTSPClientDescription?
        var session: RTSPClientSession?
        var rtpPackets = 0
        var rtcpPackets = 0
        var senderReports = 0
        var units: [H264AccessUnit] = []
        var closed: RTSPClientError??
    }

    /// Plays `url` until `accessUnits` units arrived (or `seconds` passed), then closes.
    static func play(
        _ url: String, transport: RTSPClientConfiguration.Transport, username: String? = nil, password: String? = nil,
        accessUnits: Int = 20, seconds: Double = 10
    ) async -> Outcome {
        let connection = RTSPClientConnection.connect(
            RTSPClientConfiguration(url: url, username: username, password: password, transport: transport),
            options: RTSPClientOptions(receiverReportInterval: .milliseconds(500)))
        let deadline = Task {
            try await Task.sleep(for: .seconds(seconds))
            connection.close()
        }
        defer { deadline.cancel() }
        var outcome = Outcome()
        for await event in connection.events {
            switch event {
            case .described(let description, _): outcome.description = description
            case .playing(let session): outcome.session = session
            case .rtp: outcome.rtpPackets += 1
            case .rtcp(let packet):
                outcome.rtcpPackets += 1
                outcome.senderReports += packet.packets.filter { if case .senderReport = $0 { true } else { false } }.count
            case .accessUnit(let unit):
                outcome.units.append(unit.unit)
                if outcome.units.count == accessUnits { connection.close() }
            case .closed(let error): outcome.closed = .some(error)
            }
        }
        return outcome
    }

    /// Every unit from the first IDR on is complete, and there are enough of them.
    static func expectWholeStream(_ outcome: Outcome, units: Int = 20, _ label: String) {
        #expect(outcome.closed == .some(nil), "\(label): closed with \(String(describing: outcome.closed))")
        #expect(outcome.description?.tracks.first?.isH264 == true, "\(label)")
        #expect(outcome.session != nil, "\(label): never played")
        #expect(outcome.units.count == units, "\(label): \(outcome.units.count) access units")
        let fromIDR = outcome.units.drop { !$0.isIDR }
        #expect(!fromIDR.isEmpty, "\(label): no IDR")
        #expect(fromIDR.allSatisfy { $0.isComplete }, "\(label): lossy units on loopback")
        #expect(fromIDR.first?.sequenceParameterSet != nil || outcome.description?.tracks.first?.formatParameters != nil)
        #expect(outcome.rtpPackets >= units, "\(label)")
    }

    @Test(arguments: RTSPClientConfiguration.Transport.allCases)
    func playsCamsim(transport: RTSPClientConfiguration.Transport) async throws {
        try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
            let outcome = await Self.play(server.url(forPath: "cam"), transport: transport)
            Self.expectWholeStream(outcome, "camsim over \(transport)")
            #expect(outcome.description?.tracks.first?.url.requestURI.hasPrefix(server.url(forPath: "cam")) == true)
        }
    }

    @Test func digestWithAConfiguredUser() async throws {
        try await AuthRig.with(cameras: [try AuthRig.camera("cam", mode: .digest)]) { server in
            let outcome = await Self.play(
                server.url(forPath: "cam"), transport: .tcp, username: AuthRig.user, password: AuthRig.password,
                accessUnits: 5)
            Self.expectWholeStream(outcome, units: 5, "digest")
            let refused = await Self.play(
                server.url(forPath: "cam"), transport: .tcp, username: AuthRig.user, password: "wrong", accessUnits: 5)
            guard case .some(.some(.unauthorized(let method, _))) = refused.closed else {
                Issue.record("wrong password ended with \(String(describing: refused.closed))")
                return
            }
            #expect(method == .options || method == .describe)
        }
    }

    @Test func unknownPathNamesTheRequest() async throws {
        try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
            let outcome = await Self.play(server.url(forPath: "nope"), transport: .tcp)
            guard case .some(.some(.status(let method, _, let status))) = outcome.closed else {
                Issue.record("ended with \(String(describing: outcome.closed))")
                return
            }
            #expect(method == .describe && status.code == 404)
        }
    }

    /// A server we did not write: gst-rtsp-server, over TCP and UDP.
    @Test(arguments: [RTSPClientConfiguration.Transport.tcp, .udp])
    func playsGStreamerRTSPServer(transport: RTSPClientConfiguration.Transport) async throws {
        try await GStreamerRTSPServer.with(width: 320, height: 240, fps: 25) { server in
            let outcome = await Self.play(server.url, transport: transport, accessUnits: 150)
            Self.expectWholeStream(outcome, units: 150, "gst-rtsp-server over \(transport)")
            #expect(outcome.description?.tracks.first?.url.requestURI == server.url + "/stream=0")
            #expect(outcome.description?.tracks.first?.frameRate == 25)
            // 150 units at 25 fps take 6 s: gst-rtsp-server's RTCP SRs arrive by then.
            #expect(outcome.senderReports >= 1, "\(outcome.senderReports) SRs, \(outcome.rtcpPackets) RTCP")
        }
    }
}
