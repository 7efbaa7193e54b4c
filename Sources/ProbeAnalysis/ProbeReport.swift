/// The probe's figures for one session, as `camsim probe --json` prints them. Keys are
/// stable (see `CodingKeys` and README "Probe"); a figure not measured is null.
public struct ProbeReport: Hashable, Sendable {
    /// One track of the SDP and what arrived on it.
    public struct Track: Hashable, Sendable {
        public var mediaType: String
        public var codec: String
        public var payloadType: UInt8
        public var clockRate: UInt32
        public var control: String?
        public var packets: Int
        public var lossPct: Double
        public var jitterMs: Double?
        public var rtcpSRCount: Int
        public var srDriftPPM: Double?
    }

    /// The URL probed, without credentials (set by the caller).
    public var url: String?
    /// Seconds from connect to the report.
    public var durationSeconds: Double
    public var tracks: [Track] = []
    /// The video track's codec (`H264`), or the first track's.
    public var codec: String?
    public var width: Int?
    public var height: Int?
    public var profile: String?
    public var level: String?
    /// Frames per second the SPS's VUI timing announces.
    public var spsFPS: Double?
    /// Frames per second measured from the RTP timestamps of the access units.
    public var fps: Double?
    /// Payload bits per second of every track, in kbit/s, over the time packets arrived.
    public var bitrateKbps: Double?
    /// Median frames from one IDR to the next.
    public var gop: Int?
    /// Milliseconds from the start of the connection to the first complete IDR access unit.
    public var ttffMs: Double?
    public var packets = 0
    public var expected = 0
    public var lost = 0
    /// lost ÷ expected × 100, over every track (RFC 3550 §A.3, duplicates not counted as arrivals).
    public var lossPct = 0.0
    public var reordered = 0
    public var duplicates = 0
    /// RFC 3550 §A.8 interarrival jitter of the video track, in milliseconds.
    public var jitterMs: Double?
    /// True when at least one RTCP sender report arrived.
    public var rtcpSR = false
    public var rtcpSRCount = 0
    /// Drift of the video track's RTP clock against its SR wall clock, in ppm.
    public var srDriftPPM: Double?
    public var frames = 0
    public var incompleteFrames = 0
    public var idrFrames = 0
    /// In-order RTP packets whose timestamp went backwards (B-frames do this legitimately).
    public var timestampRegressions = 0
    /// Times the SPS or PPS changed after the first one.
    public var parameterSetChanges = 0
    public var ssrcChanges = 0
    /// Capture-to-arrival latency from QR timecodes: mean, minimum, maximum, samples.
    public var latencyMs: Double?
    public var latencyMinMs: Double?
    public var latencyMaxMs: Double?
    public var latencySamples = 0
    /// Why the session failed (connect, RTSP status, timeout), nil when it ran.
    public var error: String?
    /// Threshold failures, in words (see `ProbeThresholds`).
    public var failures: [String] = []

    public init(durationSeconds: Double) {
        self.durationSeconds = durationSeconds
    }

    /// True when the session ran and met every threshold.
    public var passed: Bool { error == nil && failures.isEmpty }
}

extension ProbeAnalyzer {
    /// The figures at `now` (nanoseconds on the clock the events used).
    public func report(at now: Int64) -> ProbeReport {
        var report = ProbeReport(durationSeconds: Double(now - connectStarted) / 1e9)
        report.error = failure
        var firstArrival: Int64?
        var lastArrival: Int64?
        var payloadOctets = 0
        for (index, track) in tracks.enumerated() {
            let counter = counters[index]
            let totals = counter.totals
            report.packets += counter.packets
            report.expected += totals.expected
            report.lost += totals.lost
            report.reordered += totals.reordered
            report.duplicates += totals.duplicates
            report.timestampRegressions += index == videoTrack ? counter.timestampRegressions : 0
            report.ssrcChanges += counter.ssrcChanges
            report.rtcpSRCount += senderReports[index]
            payloadOctets += counter.payloadOctets
            if let first = counter.firstArrival { firstArrival = min(firstArrival ?? first, first) }
            if let last = counter.lastArrival { lastArrival = max(lastArrival ?? last, last) }
            report.tracks.append(ProbeReport.Track(
                mediaType: track.mediaType, codec: track.codecName, payloadType: track.payloadType,
                clockRate: track.clockRate, control: track.control, packets: counter.packets,
                lossPct: totals.expected > 0 ? 100 * Double(totals.lost) / Double(totals.expected) : 0,
                jitterMs: counter.packets > 1 ? counter.jitterMilliseconds : nil,
                rtcpSRCount: senderReports[index], srDriftPPM: drifts[index].ppm))
        }
        report.lossPct = report.expected > 0 ? 100 * Double(report.lost) / Double(report.expected) : 0
        report.rtcpSR = report.rtcpSRCount > 0
        if let firstArrival, let lastArrival, lastArrival > firstArrival {
            report.bitrateKbps = Double(payloadOctets) * 8 / (Double(lastArrival - firstArrival) / 1e9) / 1_000
        }
        let main = videoTrack ?? (tracks.isEmpty ? nil : 0)
        if let main {
            report.codec = tracks[main].codecName
            report.jitterMs = report.tracks[main].jitterMs
            report.srDriftPPM = report.tracks[main].srDriftPPM
        }
        if videoTrack != nil {
            if let sps = video.parsedSPS {
                report.width = sps.width
                report.height = sps.height
                report.profile = sps.profileName
                report.level = sps.levelName
                report.spsFPS = sps.framesPerSecond
            } else if let sps = video.parsedH265SPS {
                report.width = sps.width
                report.height = sps.height
                report.profile = sps.profileName
                report.level = sps.levelName
            }
            report.fps = video.framesPerSecond
            report.gop = video.gop
            report.ttffMs = video.firstCompleteIDRArrival.map { Double($0 - connectStarted) / 1e6 }
            report.frames = video.frames
            report.incompleteFrames = video.incompleteFrames
            report.idrFrames = video.idrFrames
            report.parameterSetChanges = video.parameterSetChanges
        }
        report.latencyMs = latencies.mean
        if latencies.count > 0 {
            report.latencyMinMs = latencies.minimum
            report.latencyMaxMs = latencies.maximum
        }
        report.latencySamples = latencies.count
        return report
    }
}
