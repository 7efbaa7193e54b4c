import Prometheus

/// A metric's name (Prometheus conventions: `camsim_` prefix, base unit, `_total` on
/// counters) and its HELP text.
struct MetricName: Sendable {
    var name: String
    var help: String

    /// The name for swift-prometheus: already whole, so no unit is added to it.
    var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}

/// Every series `/metrics` writes. The README's metrics table lists the same.
enum MetricNames {
    static let framesRendered = MetricName(name: "camsim_stream_frames_rendered_total", help: "Pictures drawn for the stream (a frozen picture is encoded without being drawn).")
    static let framesEncoded = MetricName(name: "camsim_stream_frames_encoded_total", help: "Access units encoded and delivered.")
    static let framesSkipped = MetricName(name: "camsim_stream_frames_skipped_total", help: "Frame slots skipped because the encoder was behind.")
    static let idrsForced = MetricName(name: "camsim_stream_idrs_forced_total", help: "Access units encoded as IDR because one was asked for.")
    static let encodeSeconds = MetricName(name: "camsim_stream_encode_duration_seconds", help: "Time to draw and encode one access unit.")
    static let packetsProduced = MetricName(name: "camsim_stream_packets_produced_total", help: "RTP packets the stream produced, once however many viewers.")
    static let bytesProduced = MetricName(name: "camsim_stream_bytes_produced_total", help: "Bytes of RTP packets the stream produced, once however many viewers.")
    static let packetsSent = MetricName(name: "camsim_stream_packets_sent_total", help: "RTP packets sent to the stream's viewers, summed over viewers, after faults.")
    static let bytesSent = MetricName(name: "camsim_stream_bytes_sent_total", help: "Bytes of RTP packets sent to the stream's viewers, summed over viewers, after faults.")
    static let viewers = MetricName(name: "camsim_stream_viewers", help: "Sessions watching the stream (live and playback), by transport.")
    static let faultPacketsDropped = MetricName(name: "camsim_stream_fault_packets_dropped_total", help: "RTP and RTCP packets dropped by network faults, by cause.")
    static let faultFramesDropped = MetricName(name: "camsim_stream_fault_frames_dropped_total", help: "Access units dropped by media faults, by cause.")
    static let reportedLoss = MetricName(name: "camsim_rtcp_fraction_lost", help: "Fraction lost in viewers' RTCP receiver reports (0 to 1).")
    static let reportedJitter = MetricName(name: "camsim_rtcp_jitter_seconds", help: "Interarrival jitter in viewers' RTCP receiver reports.")
    static let rtspRequests = MetricName(name: "camsim_rtsp_requests_total", help: "RTSP requests answered, by method and status code.")
    static let sessionsStarted = MetricName(name: "camsim_sessions_started_total", help: "RTSP sessions set up.")
    static let sessionsEnded = MetricName(name: "camsim_sessions_ended_total", help: "RTSP sessions ended, for any reason (timeouts included).")
    static let sessionsTimedOut = MetricName(name: "camsim_sessions_timed_out_total", help: "RTSP sessions ended because their client went quiet.")
    static let sessions = MetricName(name: "camsim_sessions", help: "Live RTSP sessions.")
    static let cpuSeconds = MetricName(name: "camsim_process_cpu_seconds_total", help: "User and system CPU time of the process.")
    static let sharedEncoders = MetricName(name: "camsim_shared_encoders", help: "Encoders open for mode: shared streams, each serving every camera with the same picture.")
    static let loops = MetricName(name: "camsim_loops", help: "Encoded loops held in memory for mode: loop streams, each replayed by every camera with its key.")
    static let loopBytes = MetricName(name: "camsim_loop_bytes", help: "Bytes of the encoded loops held in memory.")
    static let residentBytes = MetricName(name: "camsim_process_resident_memory_bytes", help: "Resident memory of the process.")
}
