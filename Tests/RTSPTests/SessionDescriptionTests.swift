import Testing
@testable import RTSP

@Suite struct SessionDescriptionTests {
    static let format = H264FormatParameters(sps: H264FormatParametersTests.sps, pps: H264FormatParametersTests.pps)

    static let unicast = SessionDescription(
        originSessionID: 1_234_567, originSessionVersion: 1, originAddress: "192.168.1.10",
        sessionName: "Camera 1", tool: "camsim",
        media: [.h264(format: format, frameRate: 30)])

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
        sdp.media[0].port = 5004
        sdp.media[0].frameRate = 29.97
        sdp.media[0].connection = SDPConnection(address: "224.2.0.1", ttl: 16)
        sdp.media[0].bandwidthKbps = 2000
        sdp.media[0].control = "rtsp://h/cam/trackID=0"
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
        ("v=0\r\nm=video x RTP/AVP 96\r\n", .malformedMedia("video x RTP/AVP 96")),
        ("v=0\r\nm=video 65536 RTP/AVP 96\r\n", .malformedMedia("video 65536 RTP/AVP 96")),
        ("v=0\r\nm=video 0/x RTP/AVP 96\r\n", .malformedMedia("video 0/x RTP/AVP 96")),
        ("v=0\r\nm=video 0\r\n", .malformedMedia("video 0")),
        ("v=0\r\n" + String(repeating: "m=audio 0 RTP/AVP 0\r\n", count: SessionDescription.maximumMediaCount + 1),
         .tooManyMedia(count: 33, limit: 32)),
        ("v=0\r\nm=audio 0 RTP/AVP" + String(repeating: " 0", count: MediaDescription.maximumFormatCount + 1) + "\r\n",
         .tooManyFormats(count: 65, limit: 64)),
    ]

    /// Values real servers get wrong are kept as written, not refused: the description still
    /// serializes to text that parses back to itself.
    static let lenient: [(String, SDPLine)] = [
        ("v=0\r\no=- x 1 IN IP4 h\r\n", SDPLine(type: "o", value: "- x 1 IN IP4 h")),
        ("v=0\r\nc=IN IP4\r\n", SDPLine(type: "c", value: "IN IP4")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\nc=IN\r\n", SDPLine(type: "c", value: "IN")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\nb=AS:x\r\n", SDPLine(type: "b", value: "AS:x")),
        // Frame rates that cannot be written back (serializing these once trapped).
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:nan\r\n", SDPLine(type: "a", value: "framerate:nan")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:inf\r\n", SDPLine(type: "a", value: "framerate:inf")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:-0.5\r\n", SDPLine(type: "a", value: "framerate:-0.5")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:1e300\r\n", SDPLine(type: "a", value: "framerate:1e300")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=framerate:0.0004\r\n", SDPLine(type: "a", value: "framerate:0.0004")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264\r\n", SDPLine(type: "a", value: "rtpmap:96 H264")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:200 H264/90000\r\n", SDPLine(type: "a", value: "rtpmap:200 H264/90000")),
        ("v=0\r\nm=video 0 RTP/AVP 96\r\na=range:npt=garbage\r\n", SDPLine(type: "a", value: "range:npt=garbage")),
        ("v=0\r\na=range:npt=9-1\r\n", SDPLine(type: "a", value: "range:npt=9-1")),
    ]

    @Test(arguments: lenient)
    func keepsWhatItCannotRead(text: String, kept: SDPLine) throws {
        let sdp = try SessionDescription.parse(text)
        let written = sdp.serialize()
        #expect(try SDPLine.parseLines(written).contains(kept))
        #expect(sdp.media.first?.frameRate == nil)
        #expect(sdp.media.first?.rtpMaps.isEmpty ?? true)
        #expect(try SessionDescription.parse(written) == sdp)
    }

    /// A description with no m= at all, no o=, s= or t=, and LF line ends still parses.
    @Test func minimal() throws {
        let sdp = try SessionDescription.parse("v=0\n")
        #expect(sdp.media.isEmpty)
        #expect(sdp.sessionName == "")
        #expect(sdp.control == nil)
        #expect(sdp.range == nil)
        #expect(sdp.serialize() == "v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ns= \r\nt=0 0\r\n")
    }

    @Test(arguments: garbage)
    func rejects(text: String, error: SDPParseError) {
        #expect(throws: error) { try SessionDescription.parse(text) }
    }
}
