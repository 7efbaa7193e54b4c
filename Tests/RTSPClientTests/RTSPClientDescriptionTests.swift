import Testing
@testable import RTSPClient

@Suite struct RTSPClientDescriptionTests {
    @Test func gstRTSPServer() throws {
        let base = try #require(ClientURL("rtsp://127.0.0.1:35505/test/"))
        let description = try #require(RTSPClientDescription.parse(sdp: SDPs.gstRTSPServer, base: base))
        #expect(description.aggregateURL.requestURI == "rtsp://127.0.0.1:35505/test/")
        #expect(description.tracks.count == 1)
        let track = description.tracks[0]
        #expect(track.url.requestURI == "rtsp://127.0.0.1:35505/test/stream=0")
        #expect(track.isH264 && track.clockRate == 90000 && track.payloadType == 96)
        #expect(track.frameRate == 25)
        #expect(track.formatParameters?.hasPrefix("packetization-mode=1;sprop-parameter-sets=Z0LAFdoF") == true)
    }

    @Test func absoluteControlsAndStaticPayloadType() throws {
        let base = try #require(ClientURL("rtsp://10.0.0.7/stream1"))
        let description = try #require(RTSPClientDescription.parse(sdp: SDPs.twoTracks, base: base))
        #expect(description.aggregateURL.requestURI == "rtsp://10.0.0.7/stream1/")
        #expect(description.tracks.map(\.url.requestURI)
            == ["rtsp://10.0.0.7/stream1/trackID=1", "rtsp://10.0.0.7/stream1/trackID=2"])
        #expect(description.tracks[1].encodingName == "PCMU" && description.tracks[1].clockRate == 8000)
        #expect(description.tracks[1].mediaType == "audio")
    }

    @Test func relativeControlsWithoutContentBase() throws {
        let base = try #require(ClientURL("rtsp://127.0.0.1:8554/cam"))
        let description = try #require(RTSPClientDescription.parse(sdp: SDPs.relative, base: base))
        #expect(description.aggregateURL.requestURI == "rtsp://127.0.0.1:8554/cam")
        #expect(description.tracks.map(\.url.requestURI)
            == ["rtsp://127.0.0.1:8554/cam/track1", "rtsp://127.0.0.1:8554/cam/track2"])
        #expect(description.tracks[1].channels == 2)
        #expect(description.tracks[1].formatParameters == "profile-level-id=1;mode=AAC-hbr;sizelength=13")
    }

    @Test func notAnSDP() throws {
        let base = try #require(ClientURL("rtsp://h/x"))
        #expect(RTSPClientDescription.parse(sdp: "", base: base) == nil)
        #expect(RTSPClientDescription.parse(sdp: "v=0\ns=x\n", base: base) == nil)
        #expect(RTSPClientDescription.parse(sdp: "<html>", base: base) == nil)
    }
}
