import Foundation
import Testing
@testable import RTSP

/// The parser against SDPs real servers and cameras send (`SessionDescriptionCorpus`).
@Suite struct SessionDescriptionCorpusTests {
    @Test(arguments: SessionDescriptionCorpus.all)
    func readsEveryMediaSection(entry: SessionDescriptionCorpus.Entry) throws {
        let sdp = try SessionDescription.parse(entry.text)
        #expect(sdp.media.count == entry.media.count)
        for (medium, expected) in zip(sdp.media, entry.media) {
            #expect(medium.type == expected.type)
            #expect(medium.control == expected.control)
            #expect(medium.payloadTypes == expected.payloadTypes)
            #expect(medium.direction == expected.direction)
            let map = medium.primaryPayloadType.flatMap { medium.rtpMaps[$0] }
            #expect(map?.encodingName == expected.encoding)
            #expect(map?.clockRate == expected.clockRate)
            #expect(map?.channels == expected.channels)
        }
    }

    /// parse → serialize → parse gives the same model, and serializing that gives the same text.
    @Test(arguments: SessionDescriptionCorpus.all)
    func roundTrips(entry: SessionDescriptionCorpus.Entry) throws {
        let sdp = try SessionDescription.parse(entry.text)
        let text = sdp.serialize()
        let again = try SessionDescription.parse(text)
        #expect(again == sdp)
        #expect(again.serialize() == text)
    }

    /// Every attribute and line of the source survives: the serialized text holds the same
    /// lines, only reordered into RFC 4566 order (and `s= ` for an empty name).
    @Test(arguments: SessionDescriptionCorpus.all)
    func keepsEveryLine(entry: SessionDescriptionCorpus.Entry) throws {
        let sdp = try SessionDescription.parse(entry.text)
        let written = Set(try SDPLine.parseLines(sdp.serialize()).map(\.serialized))
        for line in try SDPLine.parseLines(entry.text) {
            let normalized = line.serialized.replacingOccurrences(of: "a=framerate:10.000000", with: "a=framerate:10")
                .replacingOccurrences(of: "H265/90000 ", with: "H265/90000")
                .replacingOccurrences(of: "a=range:npt=0-", with: "a=range:npt=0.000-")
            #expect(written.contains(normalized), "lost \(line)")
        }
    }

    /// Cut anywhere, a description never traps; cut at a line end, it parses to the sections
    /// seen so far.
    @Test(arguments: SessionDescriptionCorpus.all)
    func truncated(entry: SessionDescriptionCorpus.Entry) throws {
        let bytes = Array(entry.text.utf8)
        let full = try SessionDescription.parse(entry.text)
        for end in 1..<bytes.count {
            let prefix = String(decoding: bytes[..<end], as: UTF8.self)
            guard let sdp = try? SessionDescription.parse(prefix) else { continue }
            #expect(sdp.media.count <= full.media.count)
            if bytes[end - 1] == 0x0A, let last = sdp.media.indices.last {
                #expect(sdp.media[..<last] == full.media[..<last])
            }
        }
    }

    @Test func hikvisionKeepsTheStrayFormatParameters() throws {
        let audio = try SessionDescription.parse(SessionDescriptionCorpus.hikvision.text).media[1]
        #expect(audio.formatParameters[104] == nil)
        #expect(audio.formatParameters[97]?["config"] == "1408")
        #expect(audio.otherLines == [SDPLine(type: "i", value: "Audio Media")])
        #expect(audio.bandwidthKbps == 32)
        #expect(audio.attributes.map(\.name) == ["Media_header", "appversion"])
    }

    @Test func hikvisionSessionLevelLines() throws {
        let sdp = try SessionDescription.parse(SessionDescriptionCorpus.hikvision.text)
        #expect(sdp.sessionInformation == "HIK Media Server Session Description : standard")
        #expect(sdp.otherLines == [SDPLine(type: "e", value: "NONE"), SDPLine(type: "b", value: "AS:2080")])
        #expect(sdp.range == .live)
        #expect(sdp.control == "*")
        #expect(sdp.originSessionID == 1_109_162_014_219_182)
        #expect(try sdp.firstVideo?.h264FormatParameters()?.profileLevelID == "4D0014")
    }

    @Test func ffmpegParametersWithSpaces() throws {
        let sdp = try SessionDescription.parse(SessionDescriptionCorpus.ffmpegAnnounce.text)
        let h264 = try #require(try sdp.firstVideo?.h264FormatParameters())
        #expect(h264.packetizationMode == 1)
        #expect(h264.profileLevelID == "F4000D")
        #expect(h264.sps.first == 0x67)
        #expect(h264.pps.first == 0x68)
        #expect(sdp.media[1].formatParameters[97]?["config"] == "118856E500")
        #expect(sdp.media[1].bandwidthKbps == 69)
        #expect(sdp.tool == "libavformat LIBAVFORMAT_VERSION")
    }

    @Test func gstreamerKeepsUnknownAttributesInOrder() throws {
        let sdp = try SessionDescription.parse(SessionDescriptionCorpus.gstRTSPServer.text)
        #expect(sdp.originSessionID == 15_093_169_282_621_025_594)
        #expect(sdp.attributes == [SDPAttribute(name: "type", value: "broadcast")])
        #expect(sdp.connection == nil)
        #expect(sdp.media[0].frameRate == 25)
        #expect(sdp.media[0].connection == SDPConnection(address: "0.0.0.0"))
        #expect(sdp.media[0].attributes.map(\.name) == ["ts-refclk", "mediaclk", "ssrc"])
        #expect(sdp.media[0].formatParameters[96]?["level-asymmetry-allowed"] == "1")
    }

    @Test func tpLinkVendorSectionKeepsItsFormats() throws {
        let sdp = try SessionDescription.parse(SessionDescriptionCorpus.tpLink.text)
        #expect(sdp.media[2].formats == ["smart/0/25000"])
        #expect(sdp.media[2].rtpMaps[95] == SDPRTPMap(encodingName: "tp-link", clockRate: 25000))
        #expect(sdp.media[0].formatParameters[96]?["sprop-vps"] == "QAEMAf//AUAAAAMAAAMAAAMAAAMAmawJ")
        #expect(sdp.media[0].range == RangeHeader(start: .seconds(0)))
        #expect(try sdp.media[0].h264FormatParameters() == nil)
    }

    @Test func sloppyValuesStayAsAttributes() throws {
        let sdp = try SessionDescription.parse(SessionDescriptionCorpus.sloppyH265.text)
        let video = sdp.media[0]
        // The first framerate does not parse, so the second one fills the field.
        #expect(video.frameRate == 25)
        #expect(video.attributes == [SDPAttribute(name: "framerate", value: "0S")])
        #expect(video.rtpMaps[98] == SDPRTPMap(encodingName: "H265", clockRate: 90000))
        #expect(video.formatParameters[98]?.parameters.count == 5)
    }

    @Test func truncatedOriginAndConnectionAreKept() throws {
        let sdp = try SessionDescription.parse(SessionDescriptionCorpus.h3c.text)
        #expect(sdp.originSessionID == 0)
        #expect(sdp.otherLines == [SDPLine(type: "o", value: "- 1001 1 IN")])
        #expect(sdp.connection == nil)
        #expect(sdp.media[0].connection == nil)
        #expect(sdp.media[0].otherLines == [SDPLine(type: "c", value: "IN")])
        #expect(sdp.timing == "0 0")
    }

    @Test func dahuaFrameRateWithDecimals() throws {
        let sdp = try SessionDescription.parse(SessionDescriptionCorpus.dahua.text)
        #expect(sdp.media[0].frameRate == 10)
        #expect(sdp.attributes.map(\.name) == ["packetization-supported", "rtppayload-supported"])
    }
}
