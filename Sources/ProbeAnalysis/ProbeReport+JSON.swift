import Foundation

/// The JSON form of a report. These keys are the probe's stable interface (README
/// "Probe"): new keys may be added, none renamed. Every key is always present; a figure
/// not measured is null. Decimals are rounded to 3 places.
extension ProbeReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case url, codec, width, height, profile, level, fps, gop, packets, expected, lost, reordered, duplicates
        case frames, tracks, error, failures, passed
        case durationSeconds = "duration_s"
        case spsFPS = "sps_fps"
        case bitrateKbps = "bitrate_kbps"
        case ttffMs = "ttff_ms"
        case lossPct = "loss_pct"
        case jitterMs = "jitter_ms"
        case rtcpSR = "rtcp_sr"
        case rtcpSRCount = "rtcp_sr_count"
        case srDriftPPM = "sr_drift_ppm"
        case incompleteFrames = "incomplete_frames"
        case idrFrames = "idr_frames"
        case timestampRegressions = "timestamp_regressions"
        case parameterSetChanges = "parameter_set_changes"
        case ssrcChanges = "ssrc_changes"
        case latencyMs = "latency_ms"
        case latencyMinMs = "latency_min_ms"
        case latencyMaxMs = "latency_max_ms"
        case latencySamples = "latency_samples"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(rounded(durationSeconds), forKey: .durationSeconds)
        try container.encode(codec, forKey: .codec)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(profile, forKey: .profile)
        try container.encode(level, forKey: .level)
        try container.encode(spsFPS.map(rounded), forKey: .spsFPS)
        try container.encode(fps.map(rounded), forKey: .fps)
        try container.encode(bitrateKbps.map(rounded), forKey: .bitrateKbps)
        try container.encode(gop, forKey: .gop)
        try container.encode(ttffMs.map(rounded), forKey: .ttffMs)
        try container.encode(packets, forKey: .packets)
        try container.encode(expected, forKey: .expected)
        try container.encode(lost, forKey: .lost)
        try container.encode(rounded(lossPct), forKey: .lossPct)
        try container.encode(reordered, forKey: .reordered)
        try container.encode(duplicates, forKey: .duplicates)
        try container.encode(jitterMs.map(rounded), forKey: .jitterMs)
        try container.encode(rtcpSR, forKey: .rtcpSR)
        try container.encode(rtcpSRCount, forKey: .rtcpSRCount)
        try container.encode(srDriftPPM.map(rounded), forKey: .srDriftPPM)
        try container.encode(frames, forKey: .frames)
        try container.encode(incompleteFrames, forKey: .incompleteFrames)
        try container.encode(idrFrames, forKey: .idrFrames)
        try container.encode(timestampRegressions, forKey: .timestampRegressions)
        try container.encode(parameterSetChanges, forKey: .parameterSetChanges)
        try container.encode(ssrcChanges, forKey: .ssrcChanges)
        try container.encode(latencyMs.map(rounded), forKey: .latencyMs)
        try container.encode(latencyMinMs.map(rounded), forKey: .latencyMinMs)
        try container.encode(latencyMaxMs.map(rounded), forKey: .latencyMaxMs)
        try container.encode(latencySamples, forKey: .latencySamples)
        try container.encode(tracks, forKey: .tracks)
        try container.encode(error, forKey: .error)
        try container.encode(failures, forKey: .failures)
        try container.encode(passed, forKey: .passed)
    }

    /// The report as one line of JSON with sorted keys.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension ProbeReport.Track: Encodable {
    enum CodingKeys: String, CodingKey {
        case codec, control, packets
        case mediaType = "media"
        case payloadType = "payload_type"
        case clockRate = "clock_rate"
        case lossPct = "loss_pct"
        case jitterMs = "jitter_ms"
        case rtcpSRCount = "rtcp_sr_count"
        case srDriftPPM = "sr_drift_ppm"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(codec, forKey: .codec)
        try container.encode(payloadType, forKey: .payloadType)
        try container.encode(clockRate, forKey: .clockRate)
        try container.encode(control, forKey: .control)
        try container.encode(packets, forKey: .packets)
        try container.encode(rounded(lossPct), forKey: .lossPct)
        try container.encode(jitterMs.map(rounded), forKey: .jitterMs)
        try container.encode(rtcpSRCount, forKey: .rtcpSRCount)
        try container.encode(srDriftPPM.map(rounded), forKey: .srDriftPPM)
    }
}

private func rounded(_ value: Double) -> Double { ProbeFormat.rounded(value) }
