import Testing

/// The replies of a DESCRIBE / SETUP / PLAY exchange made with `RawRTSPClient`.
struct RawSession {
    var describe: RTSPReply
    var setup: RTSPReply
    var play: RTSPReply
    var sessionID: String
    var rtpInfo: (url: String?, seq: UInt16, rtptime: UInt32)
}

extension RawRTSPClient {
    /// DESCRIBE `url`, SETUP its track with `transport`, PLAY; every step must answer 200.
    func describeSetupPlay(_ url: String, transport: String) throws -> RawSession {
        let describe = try request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
        try #require(describe.status == 200, "DESCRIBE: \(describe)")
        let setup = try request("SETUP", url + "/trackID=0", headers: [("Transport", transport)])
        try #require(setup.status == 200, "SETUP: \(setup)")
        let sessionHeader = try #require(setup.header("Session"), "SETUP reply has no Session: \(setup)")
        let session = RTSPHeaderValues.sessionID(sessionHeader)
        let play = try request("PLAY", url + "/", headers: [("Session", session), ("Range", "npt=0.000-")])
        try #require(play.status == 200, "PLAY: \(play)")
        let info = try #require(play.header("RTP-Info").flatMap(RTSPHeaderValues.rtpInfo), "PLAY reply has no usable RTP-Info: \(play)")
        return RawSession(describe: describe, setup: setup, play: play, sessionID: session, rtpInfo: info)
    }
}
