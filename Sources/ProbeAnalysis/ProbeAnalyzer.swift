import H264Syntax
import RTP

/// The probe's measurements of one RTSP session, fed with what the client receives: the
/// tracks from the SDP, RTP packets, RTCP sender reports and H.264 access units, each with
/// its arrival time on an injected monotonic clock in nanoseconds. Pure: no I/O and no
/// clock reads, so tests drive it with synthetic packet sequences. `report(at:)` gives the
/// figures so far (`ProbeReport`); it may be called any time, for a progress line.
public struct ProbeAnalyzer: Sendable {
    /// When the probe began to connect: the origin of `ttff_ms`.
    public let connectStarted: Int64
    public private(set) var tracks: [ProbeTrack] = []
    var counters: [ProbeTrackCounters] = []
    var drifts: [ProbeClockDrift] = []
    var senderReports: [Int] = []
    /// The index of the track the video figures come from: the first H.264 track, else
    /// the first video track.
    public private(set) var videoTrack: Int?
    var video = ProbeVideoCounters()
    /// The H.265 video track's access units, assembled from its RTP payloads.
    var h265 = ProbeH265Assembler()
    /// Set when the session ended with an error.
    public private(set) var failure: String?
    /// Capture-to-arrival latency samples read from QR codes, in milliseconds.
    var latencies = ProbeLatencySamples()

    public init(connectStarted: Int64) {
        self.connectStarted = connectStarted
    }

    /// The SDP's tracks; the H.264 track's sprop-parameter-sets give the first SPS and PPS.
    public mutating func describe(_ tracks: [ProbeTrack]) {
        self.tracks = tracks
        counters = tracks.map { ProbeTrackCounters(clockRate: $0.clockRate) }
        drifts = tracks.map { ProbeClockDrift(clockRate: $0.clockRate) }
        senderReports = tracks.map { _ in 0 }
        videoTrack = tracks.firstIndex(where: \.isH264) ?? tracks.firstIndex { $0.mediaType == "video" }
        if let index = videoTrack {
            video = ProbeVideoCounters()
            h265 = ProbeH265Assembler()
            video.describe(tracks[index])
        }
    }

    /// One RTP packet of track `track`: its parsed header and payload size.
    public mutating func rtpPacket(track: Int, header: RTPHeader, payloadOctets: Int, arrival: Int64) {
        guard counters.indices.contains(track) else { return }
        counters[track].record(header, payloadOctets: payloadOctets, arrival: arrival)
    }

    /// One RTCP sender report about track `track`.
    public mutating func senderReport(track: Int, _ report: RTCPSenderReport, arrival: Int64) {
        guard drifts.indices.contains(track) else { return }
        senderReports[track] += 1
        drifts[track].record(report)
    }

    /// One access unit of track `track` (NAL units without start codes), `complete` when no
    /// packet of it was lost.
    public mutating func accessUnit(track: Int, nalUnits: [[UInt8]], rtpTimestamp: UInt32, complete: Bool, arrival: Int64) {
        guard track == videoTrack else { return }
        video.record(nalUnits: nalUnits, rtpTimestamp: rtpTimestamp, complete: complete, arrival: arrival)
    }

    /// A capture-to-arrival latency read from a frame's QR code, in milliseconds.
    public mutating func latency(milliseconds: Double) {
        latencies.add(milliseconds)
    }

    /// The session ended with an error (connection refused, RTSP status, timeout).
    public mutating func fail(_ reason: String) {
        if failure == nil { failure = reason }
    }
}
