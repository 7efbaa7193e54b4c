import Foundation
import ProbeAnalysis
import RTP
import Testing

@Suite("ProbeAnalyzer")
struct ProbeAnalyzerTests {
    @Test func measuresACleanStream() {
        let stream = SyntheticStream()
        var analyzer = stream.analyzer()
        let packets = stream.packets(frames: 100)
        stream.feed(packets, into: &analyzer)
        let report = analyzer.report(at: packets.last!.arrival)
        #expect(report.codec == "H264")
        #expect(report.width == 320)
        #expect(report.height == 240)
        #expect(report.profile == "Constrained Baseline")
        #expect(report.level == "1.3")
        #expect(report.spsFPS == 25)
        #expect(report.fps == 25)
        #expect(report.gop == 25)
        #expect(report.idrFrames == 4)
        #expect(report.frames == 100)
        // The first IDR is the first frame; its last packet arrives 40 ms + 3 × 0.1 ms after connect.
        #expect(report.ttffMs == 40.3)
        #expect(report.packets == 400)
        #expect(report.lossPct == 0)
        #expect(report.reordered == 0)
        #expect(report.duplicates == 0)
        #expect(report.jitterMs != nil)
        // 400 packets of 1000 octets from the first arrival to the last: 99 frames and 0.3 ms.
        let seconds = (99.0 * 40 + 0.3) / 1_000
        #expect(abs(report.bitrateKbps! - 400 * 8_000 / seconds / 1_000) < 1e-9)
        #expect(report.timestampRegressions == 0)
        #expect(report.parameterSetChanges == 0)
        #expect(!report.rtcpSR)
        #expect(report.srDriftPPM == nil)
        #expect(report.passed)
    }

    @Test func countsEveryTwentiethPacketLostAsFivePercent() {
        let stream = SyntheticStream()
        var analyzer = stream.analyzer()
        let packets = stream.packets(frames: 500)
        // Keep the first two (probation) and the last, drop every 20th of the rest.
        let kept = packets.enumerated().filter { index, _ in index < 2 || index == packets.count - 1 || index % 20 != 0 }
        stream.feed(kept.map(\.element), into: &analyzer)
        let report = analyzer.report(at: packets.last!.arrival)
        // 1999 expected after probation (the first packet is not counted), 99 of them lost.
        #expect(report.expected == 1_999)
        #expect(report.lost == 99)
        #expect(abs(report.lossPct - 100.0 * 99 / 1_999) < 1e-9)
        #expect(report.incompleteFrames == 99)
    }

    @Test func ttffWaitsForTheFirstCompleteIDR() {
        var stream = SyntheticStream()
        stream.leadingFrames = 10
        var analyzer = stream.analyzer()
        var packets = stream.packets(frames: 60)
        // Lose a packet of the first IDR (frame 10): the next IDR (frame 35) is the first complete one.
        packets.removeAll { $0.frame == 10 && $0.header.sequenceNumber == stream.firstSequence &+ 41 }
        stream.feed(packets, into: &analyzer)
        let report = analyzer.report(at: packets.last!.arrival)
        #expect(abs(report.ttffMs! - (40 + 35 * 40 + 0.3)) < 1e-9)
        #expect(report.idrFrames == 2)
        #expect(report.gop == 25)
    }

    @Test func countsReorderedAndDuplicatePackets() {
        let stream = SyntheticStream()
        var analyzer = stream.analyzer()
        var packets = stream.packets(frames: 10)
        packets.swapAt(10, 11)
        packets.swapAt(20, 22)
        packets.insert(packets[30], at: 31)
        stream.feed(packets, into: &analyzer)
        let report = analyzer.report(at: packets.last!.arrival)
        // 11 before 10; 22, 21, 20: 21 and 20 arrive late.
        #expect(report.reordered == 3)
        #expect(report.duplicates == 1)
        #expect(report.lost == 0)
    }

    @Test func measuresSenderReportDriftByLeastSquares() {
        let stream = SyntheticStream()
        var analyzer = stream.analyzer()
        // Five SRs 5 s apart whose RTP clock runs 100 ppm fast against their NTP clock.
        for index in 0..<5 {
            let seconds = Double(index) * 5
            let ntp = NTPTimestamp(unixNanoseconds: 1_700_000_000_000_000_000 + Int64(seconds * 1e9)).rawValue
            let rtp = UInt32(truncatingIfNeeded: Int64((seconds * 90_000 * (1 + 100e-6)).rounded()) + 0xFFFF_0000)
            let report = RTCPSenderReport(ssrc: 1, ntpTimestamp: ntp, rtpTimestamp: rtp, packetCount: 0, octetCount: 0)
            analyzer.senderReport(track: 0, report, arrival: 0)
        }
        let report = analyzer.report(at: 0)
        #expect(report.rtcpSR)
        #expect(report.rtcpSRCount == 5)
        #expect(abs(report.srDriftPPM! - 100) < 0.1)
    }

    @Test func countsParameterSetChangesAndTimestampRegressions() {
        let stream = SyntheticStream()
        var analyzer = stream.analyzer()
        let packets = stream.packets(frames: 30)
        stream.feed(packets, into: &analyzer)
        var otherSPS = SyntheticStream.sps
        otherSPS[3] = 0x1E  // level 3
        analyzer.accessUnit(
            track: 0, nalUnits: [otherSPS, SyntheticStream.pps, [0x65, 0x88]], rtpTimestamp: 0, complete: true, arrival: 0)
        // A packet stamped one frame earlier than the one before it, in sequence.
        let last = packets.last!.header
        analyzer.rtpPacket(
            track: 0,
            header: RTPHeader(payloadType: 96, sequenceNumber: last.sequenceNumber &+ 1, timestamp: last.timestamp &- 3_600, ssrc: last.ssrc),
            payloadOctets: 10, arrival: packets.last!.arrival)
        let report = analyzer.report(at: packets.last!.arrival)
        #expect(report.parameterSetChanges == 1)
        #expect(report.level == "3")
        #expect(report.timestampRegressions == 1)
    }

    @Test func anSSRCChangeKeepsTheEarlierFigures() {
        var stream = SyntheticStream()
        var analyzer = stream.analyzer()
        var first = stream.packets(frames: 10)
        first.remove(at: 20)
        stream.feed(first, into: &analyzer)
        stream.ssrc = 0xBEEF
        stream.firstSequence = 7
        stream.connect += 1_000_000_000
        stream.feed(stream.packets(frames: 10), into: &analyzer)
        let report = analyzer.report(at: stream.connect + 2_000_000_000)
        #expect(report.ssrcChanges == 1)
        #expect(report.lost == 1)
        #expect(report.expected == 39 + 39)
    }

    @Test func thresholdsNameWhatFailed() {
        let stream = SyntheticStream()
        var analyzer = stream.analyzer()
        let packets = stream.packets(frames: 50)
        stream.feed(packets.enumerated().filter { $0.offset % 10 != 5 }.map(\.element), into: &analyzer)
        var report = analyzer.report(at: packets.last!.arrival)
        ProbeThresholds(maxLossPct: 1, minFPS: 30, maxTTFFMs: 20).evaluate(&report)
        #expect(report.failures.count == 3)
        #expect(report.failures[0].hasPrefix("loss 10"))
        #expect(report.failures[1] == "25 fps is below --min-fps 30")
        #expect(report.failures[2] == "first IDR after 40.3 ms, above --max-ttff 20")
        #expect(!report.passed)
        ProbeThresholds(maxLossPct: 11, minFPS: 25, maxTTFFMs: 50).evaluate(&report)
        #expect(report.passed)
    }

    @Test func unmeasuredFiguresFailTheirThresholds() {
        var analyzer = ProbeAnalyzer(connectStarted: 0)
        analyzer.describe([SyntheticStream.track])
        analyzer.fail("connection refused")
        var report = analyzer.report(at: 1_000_000_000)
        ProbeThresholds(minFPS: 1, maxTTFFMs: 500).evaluate(&report)
        #expect(report.failures == ["no frame rate measured (--min-fps 1)", "no complete IDR frame arrived (--max-ttff 500)"])
        #expect(report.error == "connection refused")
    }

    @Test func spropParameterSetsGiveTheSizeBeforeAnyFrame() {
        var track = SyntheticStream.track
        track.formatParameters = "packetization-mode=1;sprop-parameter-sets=Z0LADdkBQfsBEAAAAwAQAAADAyDxQqSA,aM48gA=="
        var analyzer = ProbeAnalyzer(connectStarted: 0)
        analyzer.describe([track])
        let report = analyzer.report(at: 0)
        #expect(report.width == 320)
        #expect(report.height == 240)
    }

    @Test func jsonCarriesEveryStableKey() throws {
        let stream = SyntheticStream()
        var analyzer = stream.analyzer()
        stream.feed(stream.packets(frames: 30), into: &analyzer)
        let text = analyzer.report(at: 2_300_000_000).jsonText()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in [
            "codec", "width", "height", "fps", "bitrate_kbps", "gop", "ttff_ms", "loss_pct", "reordered",
            "duplicates", "jitter_ms", "rtcp_sr", "sr_drift_ppm", "latency_ms",
        ] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["codec"] as? String == "H264")
        #expect(object["width"] as? Int == 320)
        #expect((object["fps"] as? NSNumber)?.doubleValue == 25)
        #expect(object["rtcp_sr"] as? Bool == false)
        #expect(object["sr_drift_ppm"] is NSNull)
        #expect((object["tracks"] as? [[String: Any]])?.first?["clock_rate"] as? Int == 90_000)
    }
}

@Suite("ProbeAnalyzer SDP")
struct ProbeAnalyzerSDPTests {
    @Test func readsAnSPropWithOneSetAndNoPadding() {
        var track = SyntheticStream.track
        track.formatParameters = "profile-level-id=42c00d; packetization-mode=1; sprop-parameter-sets=Z0LADdkBQfsBEAAAAwAQAAADAyDxQqSA"
        var analyzer = ProbeAnalyzer(connectStarted: 0)
        analyzer.describe([track])
        let report = analyzer.report(at: 0)
        #expect(report.width == 320)
        #expect(report.level == "1.3")
    }

    @Test func picksTheH264TrackOfSeveral() {
        let audio = ProbeTrack(mediaType: "audio", payloadType: 0, encodingName: "PCMU", clockRate: 8_000, control: "trackID=1")
        var analyzer = ProbeAnalyzer(connectStarted: 0)
        analyzer.describe([audio, SyntheticStream.track])
        #expect(analyzer.videoTrack == 1)
        let report = analyzer.report(at: 0)
        #expect(report.codec == "H264")
        #expect(report.tracks.map(\.codec) == ["PCMU", "H264"])
    }
}

@Suite("ProbeTable")
struct ProbeTableTests {
    static func report(fps: Double?, lost: Int, expected: Int, ttff: Double?, error: String? = nil) -> ProbeReport {
        var report = ProbeReport(durationSeconds: 5)
        report.url = "rtsp://127.0.0.1:8554/cam"
        report.fps = fps
        report.lost = lost
        report.expected = expected
        report.packets = expected - lost
        report.lossPct = expected > 0 ? 100 * Double(lost) / Double(expected) : 0
        report.ttffMs = ttff
        report.error = error
        return report
    }

    @Test func totalsWeighLossByPacketsAndSpreadTheRest() {
        let reports = [
            Self.report(fps: 25, lost: 0, expected: 1_000, ttff: 120),
            Self.report(fps: 20, lost: 30, expected: 2_000, ttff: 300),
            Self.report(fps: nil, lost: 0, expected: 0, ttff: nil, error: "connection refused"),
        ]
        let totals = ProbeTotals(reports)
        #expect(totals.sessions == 3)
        #expect(totals.passed == 2)
        #expect(totals.errors == 1)
        #expect(totals.lossPct == 1)
        #expect(totals.minFPS == 20)
        #expect(totals.meanFPS == 22.5)
        #expect(totals.maxTTFFMs == 300)
        let table = ProbeTable.sessions(reports)
        let lines = table.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("#"))
        #expect(lines[3].hasSuffix("error: connection refused"))
        #expect(lines[4].hasSuffix("2 ok, 1 failed"))
        // Columns line up: "fps" starts at the same offset in the header and in each row's cell.
        let column = lines[0].range(of: "fps")!.lowerBound.utf16Offset(in: lines[0])
        #expect(lines[1].dropFirst(column).hasPrefix("25"))
        #expect(lines[2].dropFirst(column).hasPrefix("20"))
    }
}
