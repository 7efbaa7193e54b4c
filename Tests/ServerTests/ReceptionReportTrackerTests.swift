import Cameras
import RTP
import Testing
@testable import Server

/// Receiver reports turned into a session's reception statistics (RFC 3550 §6.4.1).
@Suite struct ReceptionReportTrackerTests {
    static let stream: UInt32 = 0x0BAD_CAFE
    static let viewer: UInt32 = 0x5EED_0001

    /// An SR sent at `sentAt` (monotonic) for a frame captured at wall time 1.7e18 ns,
    /// and the log that remembers it.
    static func sentReport(at sentAt: Int64) throws -> (log: SenderReportLog, middle32: UInt32) {
        var state = SenderReportState(cname: "c", firstReportDelayNanoseconds: 0, intervalNanoseconds: 1)
        state.start(atNanoseconds: 0)
        let sentBytes = state.reportIfDue(
            atNanoseconds: sentAt, ssrc: stream, rtpTimestamp: 0, captureWallClockNanos: 1_700_000_000_123_456_789)
        let bytes = try #require(sentBytes)
        guard case .senderReport(let report) = try RTCPCompound.parse(bytes).first else {
            throw ReportError.noSenderReport
        }
        return (state.sent, NTPTimestamp(rawValue: report.ntpTimestamp).middle32)
    }

    enum ReportError: Error { case noSenderReport }

    /// RR from the viewer: 1/8 lost lately, 12 in all, jitter 450 ticks, echoing `lsr`
    /// after holding it 0.1 s (6554/65536 s).
    static func receiverReport(about ssrc: UInt32, lsr: UInt32) -> [UInt8] {
        RTCPCompound.serialize([.receiverReport(RTCPReceiverReport(ssrc: viewer, reportBlocks: [
            RTCPReportBlock(
                ssrc: ssrc, fractionLost: 32, cumulativeLost: 12, extendedHighestSequence: 1_000,
                jitter: 450, lastSR: lsr, delaySinceLastSR: 6_554),
        ]))])
    }

    @Test func reportGivesLossJitterAndRoundTrip() throws {
        let (log, lsr) = try Self.sentReport(at: 1_000_000_000)
        var tracker = ReceptionReportTracker()
        let packets = try RTCPCompound.parse(Self.receiverReport(about: Self.stream, lsr: lsr))
        let received = tracker.receive(
            packets, about: Self.stream, clockRate: 90_000, sent: log,
            at: ClockReading(monotonic: 1_300_000_000, wall: 1_700_000_005_000_000_000))
        let report = try #require(received)
        #expect(report.fractionLost == 0.125)
        #expect(report.cumulativeLost == 12)
        #expect(abs(report.jitterSeconds - 0.005) < 1e-12)
        // 0.3 s after the SR left, less 0.1 s held by the viewer.
        let rtt = try #require(report.roundTripSeconds)
        #expect(abs(rtt - 0.2) < 0.0001)
        #expect(report.receivedWallClockNanos == 1_700_000_005_000_000_000)
        #expect(report.count == 1)
        let again = tracker.receive(
            packets, about: Self.stream, clockRate: 90_000, sent: log, at: ClockReading(monotonic: 2_000_000_000, wall: 0))
        #expect(again?.count == 2)
        #expect(tracker.last == again)
    }

    @Test func blocksAboutAnotherSourceAreIgnored() throws {
        let (log, lsr) = try Self.sentReport(at: 0)
        var tracker = ReceptionReportTracker()
        let packets = try RTCPCompound.parse(Self.receiverReport(about: 0x1111_1111, lsr: lsr))
        let received = tracker.receive(packets, about: Self.stream, clockRate: 90_000, sent: log, at: ClockReading(monotonic: 1, wall: 1))
        #expect(received == nil)
        #expect(tracker.last == nil)
    }

    @Test func anLSRWeDidNotSendGivesNoRoundTrip() throws {
        let (log, lsr) = try Self.sentReport(at: 0)
        var tracker = ReceptionReportTracker()
        let packets = try RTCPCompound.parse(Self.receiverReport(about: Self.stream, lsr: lsr &+ 1))
        let received = tracker.receive(
            packets, about: Self.stream, clockRate: 90_000, sent: log, at: ClockReading(monotonic: 1, wall: 1))
        let report = try #require(received)
        #expect(report.roundTripSeconds == nil)
        #expect(report.cumulativeLost == 12)
    }

    @Test func theLogForgetsTheOldestReportsPastItsCapacity() {
        var log = SenderReportLog()
        for index in 0...SenderReportLog.capacity {
            log.note(middle32: UInt32(index + 1), sentAt: Int64(index) * 1_000)
        }
        #expect(log.sentAt(middle32: 1) == nil)
        #expect(log.sentAt(middle32: 2) == 1_000)
        #expect(log.sentAt(middle32: UInt32(SenderReportLog.capacity + 1)) == Int64(SenderReportLog.capacity) * 1_000)
    }
}
