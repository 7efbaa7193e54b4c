import RTP

/// The drift between a sender's wall clock and its RTP clock, from its sender reports
/// (RFC 3550 §6.4.1: each SR pairs an NTP time with the RTP timestamp of the same
/// instant). A least-squares line through (NTP seconds, RTP seconds) has slope 1 when the
/// clocks agree; the drift is (slope − 1) × 10^6 ppm, positive when the RTP clock runs fast.
struct ProbeClockDrift: Sendable {
    /// Sender reports kept per track; the fit needs no more, and the count stays bounded.
    static let maxReports = 4_096

    let clockRate: UInt32
    /// (NTP seconds since the first report, RTP seconds since the first report).
    var points: [(wall: Double, media: Double)] = []
    var firstNTP: UInt64?
    var firstRTP: UInt32?
    /// The RTP timestamp of the previous report, unwrapped from the first.
    var lastUnwrapped: Int64 = 0
    var lastRTP: UInt32 = 0

    init(clockRate: UInt32) {
        self.clockRate = clockRate
    }

    mutating func record(_ report: RTCPSenderReport) {
        guard points.count < Self.maxReports, clockRate > 0 else { return }
        guard let firstNTP, firstRTP != nil else {
            self.firstNTP = report.ntpTimestamp
            firstRTP = report.rtpTimestamp
            lastRTP = report.rtpTimestamp
            points.append((0, 0))
            return
        }
        // NTP is 32.32 fixed point; the difference keeps its sign across an era wrap.
        let wall = Double(Int64(bitPattern: report.ntpTimestamp &- firstNTP)) / 4_294_967_296
        lastUnwrapped += Int64(Int32(bitPattern: report.rtpTimestamp &- lastRTP))
        lastRTP = report.rtpTimestamp
        points.append((wall, Double(lastUnwrapped) / Double(clockRate)))
    }

    /// The drift in ppm; nil with fewer than two reports or when they span no wall time.
    var ppm: Double? {
        guard points.count >= 2 else { return nil }
        let count = Double(points.count)
        let meanWall = points.reduce(0) { $0 + $1.wall } / count
        let meanMedia = points.reduce(0) { $0 + $1.media } / count
        var covariance = 0.0
        var variance = 0.0
        for point in points {
            covariance += (point.wall - meanWall) * (point.media - meanMedia)
            variance += (point.wall - meanWall) * (point.wall - meanWall)
        }
        guard variance > 0 else { return nil }
        return (covariance / variance - 1) * 1_000_000
    }
}
