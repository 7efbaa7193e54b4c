import Cameras
import RTP

/// The receiving side of one session's RTCP (RFC 3550 §6.4): turns the viewer's report
/// blocks about the stream into a `ReceptionReport`, its round-trip time measured from
/// when the echoed sender report left. Sans-IO: times come in with each call.
/// Confined to the viewer's loop.
struct ReceptionReportTracker: Sendable {
    private(set) var last: ReceptionReport?

    /// Takes the compound's report block about `ssrc` (the SSRC this viewer is sent
    /// under), if it has one. `clockRate` is the stream's RTP clock, for the jitter;
    /// `sent` says when our sender reports left (monotonic nanoseconds, as `now`).
    /// Returns the new report.
    @discardableResult
    mutating func receive(
        _ packets: [RTCPPacket], about ssrc: UInt32, clockRate: UInt32, sent: SenderReportLog, at now: ClockReading
    ) -> ReceptionReport? {
        guard let (_, block) = packets.reportBlock(about: ssrc) else { return nil }
        let roundTrip = sent.sentAt(middle32: block.lastSR).flatMap {
            block.roundTripNanoseconds(sentAt: $0, receivedAt: now.monotonic)
        }
        let report = ReceptionReport(
            fractionLost: block.fractionLostRatio,
            cumulativeLost: Int(block.cumulativeLost),
            jitterSeconds: block.jitterSeconds(clockRate: clockRate),
            roundTripSeconds: roundTrip.map { Double($0) / 1e9 },
            receivedWallClockNanos: now.wall,
            count: (last?.count ?? 0) + 1)
        last = report
        return report
    }
}
