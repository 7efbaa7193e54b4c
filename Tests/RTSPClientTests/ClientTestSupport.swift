import RTSP
@testable import RTSPClient

/// Drives a state machine the way a driver would, with a fake clock.
struct ClientRig {
    var machine: RTSPClientStateMachine
    var now: Duration = .zero

    init(_ configuration: RTSPClientConfiguration) throws {
        machine = try RTSPClientStateMachine(configuration: configuration, cnonce: { "0a4f113b" })
    }

    init(url: String = "rtsp://cam.example:8554/live", transport: RTSPClientConfiguration.Transport = .tcp) throws {
        try self.init(RTSPClientConfiguration(url: url, transport: transport))
    }

    mutating func advance(to seconds: Double) -> [RTSPClientAction] {
        now = .milliseconds(Int64(seconds * 1000))
        return machine.tick(now: now)
    }

    mutating func connected() -> [RTSPClientAction] { machine.connected(now: now) }

    /// Answers `request` with `status`, echoing its CSeq.
    mutating func answer(
        _ request: RTSPRequest, _ status: RTSPStatus = .ok, headers: [(String, String)] = [], body: String = ""
    ) -> [RTSPClientAction] {
        var response = RTSPResponse(status: status)
        response.headers.add("CSeq", request.headers["CSeq"] ?? "")
        for (name, value) in headers { response.headers.add(name, value) }
        response.body = Array(body.utf8)
        if !response.body.isEmpty { response.headers.add("Content-Length", String(response.body.count)) }
        return machine.receive(response, now: now)
    }

    static func sent(_ actions: [RTSPClientAction]) -> RTSPRequest? {
        guard actions.count == 1, case .send(let request) = actions[0] else { return nil }
        return request
    }
}

enum SDPs {
    /// gst-rtsp-server 1.22 (Debian 12) serving videotestsrc through x264enc.
    static let gstRTSPServer = """
        v=0\r
        o=- 17244208527582698560 1 IN IP4 127.0.0.1\r
        s=Session streamed with GStreamer\r
        i=rtsp-server\r
        t=0 0\r
        a=tool:GStreamer\r
        a=type:broadcast\r
        a=control:*\r
        a=range:npt=now-\r
        m=video 0 RTP/AVP 96\r
        c=IN IP4 0.0.0.0\r
        b=AS:2097\r
        a=rtpmap:96 H264/90000\r
        a=framerate:25\r
        a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0LAFdoFB+wFqDAwNSgAAAMACAAAAwGUeLF1,aM48gA==;profile-level-id=42c015;level-asymmetry-allowed=1\r
        a=control:stream=0\r
        a=ts-refclk:local\r
        a=mediaclk:sender\r
        a=ssrc:1666865038 cname:user272122221@host-55c6d2c5\r

        """

    /// A camera with video and G.711 audio, live555 style: absolute track controls.
    static let twoTracks = """
        v=0
        o=- 1 1 IN IP4 10.0.0.7
        s=Media Presentation
        t=0 0
        a=control:rtsp://10.0.0.7/stream1/
        m=video 0 RTP/AVP 96
        a=rtpmap:96 H264/90000
        a=fmtp:96 packetization-mode=1
        a=control:rtsp://10.0.0.7/stream1/trackID=1
        m=audio 0 RTP/AVP 0
        a=control:rtsp://10.0.0.7/stream1/trackID=2

        """

    /// Relative controls and no session-level control.
    static let relative = """
        v=0
        o=- 0 0 IN IP4 127.0.0.1
        s=No Name
        t=0 0
        m=video 0 RTP/AVP 96
        a=rtpmap:96 H264/90000
        a=control:track1
        m=audio 0 RTP/AVP 97
        a=rtpmap:97 MPEG4-GENERIC/48000/2
        a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13
        a=control:track2

        """
}
