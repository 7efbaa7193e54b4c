import Cameras
import RTP
import RTSPClient
import RTSPClientTransport
import Testing
@testable import Composition

/// The RTSP client's events as a proxy camera's upstream events.
@Suite struct UpstreamTranslatorTests {
    /// An upstream with audio first and H.264 video second, sprop in its fmtp.
    static let sdp = """
        v=0\r
        o=- 1 1 IN IP4 127.0.0.1\r
        s=cam\r
        t=0 0\r
        m=audio 0 RTP/AVP 0\r
        a=control:track1\r
        m=video 0 RTP/AVP 96\r
        a=rtpmap:96 H264/90000\r
        a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0LAHg==,aM4=\r
        a=framerate:25\r
        a=control:track2\r

        """

    func described() throws -> (UpstreamTranslator, [UpstreamEvent]) {
        let base = try #require(ClientURL("rtsp://127.0.0.1:8554/cam/"))
        let description = try #require(RTSPClientDescription.parse(sdp: Self.sdp, base: base))
        var translator = UpstreamTranslator()
        let events = translator.translate(.described(description, selectedTracks: [0, 1]))
        return (translator, events)
    }

    @Test func theVideoTrackIsDescribedWithItsParameterSets() throws {
        let (_, events) = try described()
        guard case .described(let upstream) = events.first else {
            Issue.record("\(events)")
            return
        }
        #expect(upstream.encodingName == "H264" && upstream.isSupported)
        #expect(upstream.frameRate == 25)
        #expect(upstream.parameterSets?.sequenceParameterSet == [0x67, 0x42, 0xC0, 0x1E])
        #expect(upstream.parameterSets?.pictureParameterSet == [0x68, 0xCE])
    }

    @Test func onlyTheVideoTracksUnitsAndReportsPass() throws {
        var (translator, _) = try described()
        let idr = H264AccessUnit(timestamp: 9_000, nalUnits: [[0x65, 0x88]])
        let video = translator.translate(.accessUnit(RTSPClientAccessUnit(track: 1, unit: idr, arrival: .now)))
        guard case .accessUnit(let unit) = video.first else {
            Issue.record("\(video)")
            return
        }
        #expect(unit.isIDR && unit.isComplete && unit.rtpTimestamp == 9_000)
        #expect(translator.translate(.accessUnit(RTSPClientAccessUnit(track: 0, unit: idr, arrival: .now))).isEmpty)
        let lossy = H264AccessUnit(timestamp: 12_600, nalUnits: [[0x41]], isLossy: true)
        guard case .accessUnit(let broken) = translator.translate(
            .accessUnit(RTSPClientAccessUnit(track: 1, unit: lossy, arrival: .now))).first
        else { Issue.record("no unit"); return }
        #expect(!broken.isComplete)
        let report = RTCPSenderReport(ssrc: 1, ntpTimestamp: 42, rtpTimestamp: 9_000, packetCount: 0, octetCount: 0)
        let rtcp = RTSPClientRTCPPacket(
            track: 1, packets: [.senderReport(report)], bytes: [], arrival: .now, arrivalWallClock: NTPTimestamp(rawValue: 0))
        guard case .senderReport(let ntp, let rtp) = translator.translate(.rtcp(rtcp)).first else {
            Issue.record("no sender report")
            return
        }
        #expect(ntp == 42 && rtp == 9_000)
    }

    @Test func anUpstreamWithoutVideoNamesWhatItHas() throws {
        let base = try #require(ClientURL("rtsp://127.0.0.1:8554/cam/"))
        let description = try #require(RTSPClientDescription.parse(sdp: """
            v=0\r
            o=- 1 1 IN IP4 127.0.0.1\r
            s=cam\r
            t=0 0\r
            m=audio 0 RTP/AVP 8\r
            a=rtpmap:8 PCMA/8000\r

            """, base: base))
        var translator = UpstreamTranslator()
        guard case .described(let upstream) = translator.translate(.described(description, selectedTracks: [0])).first else {
            Issue.record("not described")
            return
        }
        #expect(upstream.encodingName == "PCMA" && !upstream.isSupported)
    }

    @Test func lossIsReportedFromSequenceGaps() {
        var counter = UpstreamLossCounter()
        var reported: [Double] = []
        var sequence: UInt16 = 65_000
        for index in 0..<(2 * UpstreamLossCounter.interval) {
            // Every tenth number never arrives.
            if index % 10 == 9 { sequence &+= 1 }
            if let percent = counter.receive(sequenceNumber: sequence, timestamp: 0) { reported.append(percent) }
            sequence &+= 1
        }
        #expect(reported.count == 2)
        #expect(abs((reported.last ?? 0) - 10) < 1, "\(reported)")
    }
}
