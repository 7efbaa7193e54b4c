import RTP
import Testing
@testable import Server

@Suite struct SenderReportStateTests {
    @Test func firstReportSoonAfterPlayThenEveryInterval() {
        var state = SenderReportState(cname: "camsim@test", firstReportDelayNanoseconds: 200_000_000, intervalNanoseconds: 5_000_000_000)
        func due(_ now: Int64) -> Bool {
            state.reportIfDue(atNanoseconds: now, ssrc: 1, rtpTimestamp: 0, captureWallClockNanos: 0) != nil
        }
        #expect(!due(1_000_000_000), "nothing before PLAY")
        state.start(atNanoseconds: 1_000_000_000)
        #expect(!due(1_100_000_000))
        #expect(due(1_200_000_000))
        #expect(!due(3_000_000_000))
        #expect(due(6_200_000_000))
    }

    @Test func reportMapsTheFramesWallClockToItsTimestampWithThisViewersCounts() throws {
        var state = SenderReportState(cname: "camsim@test", firstReportDelayNanoseconds: 0, intervalNanoseconds: 5_000_000_000)
        state.start(atNanoseconds: 0)
        state.record(packets: 3, payloadOctets: 2_000)
        let report = state.reportIfDue(
            atNanoseconds: 1, ssrc: 0x1234_5678, rtpTimestamp: 90_000, captureWallClockNanos: 1_000_000_000)
        let bytes = try #require(report)
        let packets = try RTCPCompound.parse(bytes)
        guard case .senderReport(let report) = packets.first, case .sourceDescription(let sdes) = packets.last else {
            Issue.record("expected SR + SDES, got \(packets)")
            return
        }
        #expect(report.ssrc == 0x1234_5678)
        #expect(report.rtpTimestamp == 90_000)
        #expect(report.ntpTimestamp == NTPTimestamp(unixNanoseconds: 1_000_000_000).rawValue)
        #expect(report.packetCount == 3)
        #expect(report.octetCount == 2_000)
        #expect(sdes.cname(for: 0x1234_5678) == "camsim@test")
    }

    @Test func goodbyeIsSDESThenBYE() throws {
        let state = SenderReportState(cname: "c")
        let packets = try RTCPCompound.parse(state.goodbye(ssrc: 9, reason: "teardown"))
        #expect(packets.count == 2)
        guard case .bye(let bye) = packets.last else { Issue.record("no BYE"); return }
        #expect(bye.sources == [9])
        #expect(bye.reason == "teardown")
    }
}
