import Testing
@testable import RTSP

@Suite struct MediaDescriptionTests {
    /// A camera with video and an ONVIF backchannel: several sections, a static payload
    /// type with channels, a direction and a media-level range.
    static var backchannel: SessionDescription {
        var sdp = SessionDescriptionTests.unicast
        sdp.media.append(MediaDescription(
            type: "audio", payloadTypes: [0], rtpMaps: [0: SDPRTPMap(encodingName: "PCMU", clockRate: 8000, channels: 1)],
            control: "trackID=1", direction: .sendonly))
        return sdp
    }

    @Test func exactBackchannelText() throws {
        let text = Self.backchannel.serialize()
        #expect(text.hasSuffix("""
            a=control:trackID=0\r
            m=audio 0 RTP/AVP 0\r
            a=rtpmap:0 PCMU/8000/1\r
            a=sendonly\r
            a=control:trackID=1\r

            """))
        #expect(try SessionDescription.parse(text) == Self.backchannel)
    }

    static let rtpMaps: [(String, SDPRTPMap?)] = [
        ("H264/90000", SDPRTPMap(encodingName: "H264", clockRate: 90000)),
        ("MPEG4-GENERIC/48000/2", SDPRTPMap(encodingName: "MPEG4-GENERIC", clockRate: 48000, channels: 2)),
        (" PCMU/8000 ", SDPRTPMap(encodingName: "PCMU", clockRate: 8000)),
        ("H264", nil), ("/90000", nil), ("H264/x", nil), ("H264/90000/x", nil), ("H264/90000/1/2", nil),
        ("H264/12345678901", nil),
    ]

    @Test(arguments: rtpMaps)
    func rtpMap(text: String, expected: SDPRTPMap?) {
        let map = SDPRTPMap(parsing: text)
        #expect(map == expected)
        if let map { #expect(SDPRTPMap(parsing: map.serialized) == map) }
    }

    @Test func formatParameterView() {
        let fmtp = SDPFormatParameters("packetization-mode=1; Profile-Level-Id=42C01E;;flag; =x")
        #expect(fmtp.parameters.map(\.name) == ["packetization-mode", "Profile-Level-Id", "flag"])
        #expect(fmtp["profile-level-id"] == "42C01E")
        #expect(fmtp["flag"] == "")
        #expect(fmtp["missing"] == nil)
    }

    @Test func mediaLine() throws {
        let medium = try MediaDescription(parsingMediaLine: "video 5004/2 RTP/AVP 96 97  98")
        #expect(medium.port == 5004)
        #expect(medium.portCount == 2)
        #expect(medium.payloadTypes == [96, 97, 98])
        #expect(medium.lines.first == SDPLine(type: "m", value: "video 5004/2 RTP/AVP 96 97 98"))
    }

    /// The first rtpmap, fmtp, control and direction win; repeats are kept after them, so
    /// the text stays stable.
    @Test func repeatedAttributes() throws {
        let text = """
            v=0\r
            m=audio 0 RTP/AVP 0 8\r
            a=control:one\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:8 PCMU/8000\r
            a=sendonly\r
            a=RECVONLY\r
            a=control:two\r
            a=fmtp:0\r
            a=Fmtp:0 x=1\r

            """
        let medium = try #require(try SessionDescription.parse(text).media.first)
        #expect(medium.control == "one")
        #expect(medium.rtpMaps == [8: SDPRTPMap(encodingName: "PCMA", clockRate: 8000)])
        #expect(medium.direction == .sendonly)
        #expect(medium.formatParameters == [0: SDPFormatParameters("")])
        #expect(medium.attributes.map(\.serialized) == ["rtpmap:8 PCMU/8000", "RECVONLY", "control:two", "Fmtp:0 x=1"])
        #expect(medium.payloadType(encoding: "pcma") == 8)
        let sdp = try SessionDescription.parse(text)
        #expect(try SessionDescription.parse(sdp.serialize()) == sdp)
    }

    @Test func h264Helpers() throws {
        let sdp = SessionDescriptionTests.unicast
        #expect(sdp.firstVideoIndex == 0)
        #expect(try sdp.firstVideo?.h264FormatParameters() == SessionDescriptionTests.format)
        var audioOnly = sdp
        audioOnly.media = [MediaDescriptionTests.backchannel.media[1]]
        #expect(audioOnly.firstVideo == nil)
        #expect(try audioOnly.media[0].h264FormatParameters() == nil)
    }
}
