import Testing
@testable import RTSP

@Suite struct SessionDescriptionTests {
    static let format = H264FormatParameters(sps: H264FormatParametersTests.sps, pps: H264FormatParametersTests.pps)

    static let unicast = SessionDescription(
        originSessionID: 1_234_567, originSessionVersion: 1, originAddress: "192.168.1.10",
        sessionName: "Camera 1", tool: "camsim",
        video: H264VideoMedia(format: format, frameRate: 30))

    @Test func exactUnicastText() {
        #expect(Self.unicast.serialize() == """
            v=0\r
            o=- 1234567 1 IN IP4 192.168.1.10\r
            s=Camera 1\r
            c=IN IP4 0.0.0.0\r
            t=0 0\r
            a=tool:camsim\r
            a=control:*\r
            a=range:npt=now-\r
            m=video 0 RTP/AVP 96\r
            a=rtpmap:96 H264/90000\r
            a=fmtp:96 packetization-mode=1;profile-level-id=42C01E;sprop-parameter-sets=Z0LAHpWgUHyA,aM48gA==\r
            a=framerate:30\r
            a=control:trackID=0\r

            """)
    }

    static var multicast: SessionDescription {
        var sdp = unicast
        sdp.originAddress = "fd00::10"
        sdp.sessionInformation = "Lobby"
        sdp.connection = SDPConnection(address: "224.2.0.1", ttl: 16)
        sdp.tool = nil
        sdp.range = nil
        sdp.video.port = 5004
        sdp.video.frameRate = 29.97
        sdp.video.connection = SDPConnection(address: "224.2.0.1", ttl: 16)
        sdp.video.bandwidthKbps = 2000
        sdp.video.control = "rtsp://h/cam/trackID=0"
        return sdp
    }

    @Test func exactMulticastText() {
        #expect(Self.multicast.serialize() == """
            v=0\r
            o=- 1234567 1 IN IP6 fd00::10\r
            s=Camera 1\r
            i=Lobby\r
            c=IN IP4 224.2.0.1/16\r
            t=0 0\r
            a=control:*\r
            m=video 5004 RTP/AVP 96\r
            c=IN IP4 224.2.0.1/16\r
            b=AS:2000\r
            a=rtpmap:96 H264/90000\r
            a=fmtp:96 packetization-mode=1;profile-level-id=42C01E;sprop-parameter-sets=Z0LAHpWgUHyA,aM48gA==\r
            a=framerate:29.97\r
            a=control:rtsp://h/cam/trackID=0\r

            """)
    }

    @Test(arguments: [unicast, multicast])
    func parseRoundTrips(sdp: SessionDescription) throws {
        #expect(try SessionDescription.parse(sdp.serialize()) == sdp)
    }

    @Test func emptyNameUsesASpace() throws {
        var sdp = Self.unicast
        sdp.sessionName = ""
        #expect(sdp.serialize().contains("\r\ns= \r\n"))
        #expect(try SessionDescription.parse(sdp.serialize()) == sdp)
    }

    static let rates: [(Double, String)] = [
        (30, "30"), (25, "25"), (29.97, "29.97"), (30000.0 / 1001.0, "29.97"), (23.976, "23.976"), (12.5, "12.5"),
        (59.94, "59.94"), (0.5, "0.5"),
    ]

    @Test(arguments: rates)
    func frameRateText(rate: Double, text: String) {
        #expect(SessionDescription.format(frameRate: rate) == text)
    }

    static let garbage: [(String, SDPParseError)] = [
        ("s=x\r\n", .missingField("v")),
        ("v=1\r\n", .unsupportedVersion("1")),
        ("v=0\r\no=- x 1 IN IP4 h\r\n", .malformedOrigin("- x 1 IN IP4 h")),
        ("v=0\r\nc=IN IP4\r\n", .malformedConnection("IN IP4")),
        ("v=0\r\nm=audio 0 RTP/AVP 0\r\n", .unsupportedMedia("audio 0 RTP/AVP 0")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H265/90000\r\n", .unsupportedMedia("rtpmap:96 H265/90000")),
        ("v=0\r\no=- 1 1 IN IP4 h\r\ns=x\r\nc=IN IP4 0.0.0.0\r\n", .missingField("m")),
        // A frame rate that cannot be written back: serializing these used to trap.
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:nan\r\n", .malformedAttribute("framerate:nan")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:inf\r\n", .malformedAttribute("framerate:inf")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:-0.5\r\n", .malformedAttribute("framerate:-0.5")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:1e300\r\n", .malformedAttribute("framerate:1e300")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:0.0004\r\n", .malformedAttribute("framerate:0.0004")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: SDPParseError) {
        #expect(throws: error) { try SessionDescription.parse(text) }
    }
}
