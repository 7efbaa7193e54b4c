import Config
import Faults
import Foundation
import Server
import Testing

/// Servers with fault profiles, built from configuration YAML on 127.0.0.1 with a free
/// port, and the RTSP exchanges the fault tests share.
enum FaultRig {
    /// Parses `yaml` with the built-in presets known, as `camsim serve --config` does.
    static func parse(_ yaml: String) throws -> CamsimConfig {
        try ConfigLoader(knownFaultProfiles: Set(FaultPresets.names)).parse(yaml: yaml, file: "faults-test.yaml")
    }

    /// A `server:` block on 127.0.0.1 with a free port.
    static func serverBlock(mtu: Int = 1400, sessionTimeout: Int = 60) -> String {
        "server: {bind: 127.0.0.1, port: 0, mtu: \(mtu), session_timeout: \(sessionTimeout)}\n"
    }

    /// One camera entry; `faults` is the YAML value of the camera's `faults:` (e.g. `[lossy]`
    /// or `{loss: 5%}`), `stream` the flow mapping of its single stream.
    static func camera(
        _ path: String, scene: String = "smpte-clock",
        stream: String = "{name: main, size: 320x240, fps: 15, preset: ultrafast}", faults: String? = nil
    ) -> String {
        var text = "  - path: \(path)\n    scene: \(scene)\n    seed: 11\n    idle_stop: 0\n    streams:\n      - \(stream)\n"
        if let faults { text += "    faults: \(faults)\n" }
        return text
    }

    /// A camera that sends thousands of small packets per second (about 2,000 on a
    /// two-core machine): noise, which does not compress, at 20 Mbit/s (use with
    /// `mtu: 600`). Larger pictures send fewer packets here: drawing and encoding
    /// them cannot keep the frame rate.
    static func busyCamera(_ path: String, faults: String? = nil) -> String {
        camera(path, scene: "noise", stream: "{name: main, size: 480x270, fps: 30, bitrate: 20M, preset: ultrafast}", faults: faults)
    }

    /// Starts a server for `yaml`, runs `body`, and shuts the server down whatever happens.
    static func with<T>(_ yaml: String, _ body: (CamsimServer) async throws -> T) async throws -> T {
        try await ConfigServer.with(try parse(yaml), body)
    }

    /// The SETUP URL of `path`'s track with `query` (without `?`) after the track, the
    /// form the server's SDP uses for a URL with a query.
    static func trackURL(_ server: CamsimServer, _ path: String, query: String = "") -> String {
        server.url(forPath: path) + "/trackID=0" + (query.isEmpty ? "" : "?" + query)
    }

    /// A moment 200 ms from now on the kernel clock: changes made now are in force by then.
    static func settled() -> Int64 { FaultPacketTap.now() + 200_000_000 }

    /// ffprobe's `r_frame_rate=…|avg_frame_rate=…` for a camera: the first is measured
    /// from RTP timestamps, the second read from the SPS timing.
    static func frameRates(_ server: CamsimServer, _ path: String) async throws -> String {
        let result = try await Clients.ffprobeRTSP(
            server.url(forPath: path),
            ["-select_streams", "v", "-show_entries", "stream=avg_frame_rate,r_frame_rate", "-of", "compact=p=0"])
        #expect(result.succeeded, "\(result)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A UDP viewer driven over a raw RTSP connection, its RTP and RTCP collected by taps.
final class FaultUDPViewer {
    let client: RawRTSPClient
    let rtp: FaultPacketTap
    let rtcp: FaultPacketTap
    let url: String
    private(set) var session: String?
    private(set) var setup: RTSPReply?
    private(set) var play: RTSPReply?

    init(port: Int, url: String) throws {
        client = try RawRTSPClient(port: port)
        (rtp, rtcp) = try FaultPacketTap.pair()
        self.url = url
    }

    deinit {
        rtp.stop()
        rtcp.stop()
    }

    var transport: String { "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)" }

    /// The SETUP request's URL for `query`.
    func setupURL(query: String) -> String {
        url + "/trackID=0" + (query.isEmpty ? "" : "?" + query)
    }

    /// DESCRIBE (with the query), SETUP (the track with the query), PLAY; each must answer 200.
    @discardableResult
    func start(query: String = "") throws -> RTSPReply {
        let describeURL = url + (query.isEmpty ? "" : "?" + query)
        let describe = try client.request("DESCRIBE", describeURL, headers: [("Accept", "application/sdp")])
        try #require(describe.status == 200, "DESCRIBE \(describeURL): \(describe)")
        let setup = try client.request("SETUP", setupURL(query: query), headers: [("Transport", transport)])
        try #require(setup.status == 200, "SETUP \(setupURL(query: query)): \(setup)")
        self.setup = setup
        let id = RTSPHeaderValues.sessionID(try #require(setup.header("Session"), "no Session: \(setup)"))
        session = id
        let play = try client.request("PLAY", url + "/", headers: [("Session", id), ("Range", "npt=0.000-")])
        try #require(play.status == 200, "PLAY: \(play)")
        self.play = play
        return play
    }

    /// The RTP packets the tap holds, in arrival order.
    var rtpPackets: [RTPPacketView] { rtp.snapshot.compactMap { RTPPacketView($0.bytes) } }

    /// The tap's RTP packets with sequence numbers extended from RTP-Info's first one.
    var sequencedPackets: [FaultRTPArrival] { FaultSequenceStats.packets(rtp.snapshot, base: firstSequence) }

    /// Loss among the RTP packets that arrived after `since` (kernel clock), once
    /// `count` of them arrived (or 15 s passed).
    func loss(after since: Int64, count: Int) async -> FaultSequenceStats {
        func window() -> [FaultRTPArrival] { sequencedPackets.filter { $0.nanos >= since } }
        let enough = await Poll.until(timeoutSeconds: 15, intervalSeconds: 0.1) { window().count >= count }
        #expect(enough, "only \(window().count) packets in 15 s")
        return FaultSequenceStats(window())
    }

    /// RTP-Info's first sequence number of the PLAY reply.
    var firstSequence: UInt16? { play?.header("RTP-Info").flatMap(RTSPHeaderValues.rtpInfo)?.seq }

    /// The SSRC the SETUP reply's Transport announced.
    var announcedSSRC: UInt32? {
        setup?.header("Transport").flatMap { RTSPHeaderValues.transportParameter($0, "ssrc") }.flatMap { UInt32($0, radix: 16) }
    }

    /// GET_PARAMETER or SET_PARAMETER on the session with a text/parameters body.
    func parameter(_ method: String, _ body: String) throws -> RTSPReply {
        try client.request(
            method, url + "/",
            headers: [("Session", session ?? ""), ("Content-Type", "text/parameters")], body: body)
    }

    /// Waits until the RTP tap holds at least `count` datagrams; false at the deadline.
    func waitForPackets(_ count: Int, timeoutSeconds: Double) async -> Bool {
        await Poll.until(timeoutSeconds: timeoutSeconds, intervalSeconds: 0.05) { self.rtp.count >= count }
    }

    func teardown() {
        guard let session else { return }
        _ = try? client.request("TEARDOWN", url + "/", headers: [("Session", session)])
    }
}
