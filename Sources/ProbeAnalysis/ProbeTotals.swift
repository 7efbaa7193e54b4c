/// The figures of many probed sessions together (`camsim probe --sessions N`): counts,
/// loss over every packet expected, and the spread of frame rate, time to first frame
/// and jitter.
public struct ProbeTotals: Hashable, Sendable {
    public var sessions = 0
    /// Sessions that ran and met every threshold.
    public var passed = 0
    /// Sessions that ended with an error (connect, RTSP, no media).
    public var errors = 0
    public var packets = 0
    public var expected = 0
    public var lost = 0
    public var lossPct = 0.0
    public var bitrateKbps = 0.0
    public var minFPS: Double?
    public var meanFPS: Double?
    public var medianTTFFMs: Double?
    public var maxTTFFMs: Double?
    public var maxJitterMs: Double?

    public init(_ reports: [ProbeReport]) {
        sessions = reports.count
        passed = reports.filter(\.passed).count
        errors = reports.filter { $0.error != nil }.count
        packets = reports.reduce(0) { $0 + $1.packets }
        expected = reports.reduce(0) { $0 + $1.expected }
        lost = reports.reduce(0) { $0 + $1.lost }
        lossPct = expected > 0 ? 100 * Double(lost) / Double(expected) : 0
        bitrateKbps = reports.reduce(0) { $0 + ($1.bitrateKbps ?? 0) }
        let rates = reports.compactMap(\.fps)
        minFPS = rates.min()
        meanFPS = rates.isEmpty ? nil : rates.reduce(0, +) / Double(rates.count)
        let ttffs = reports.compactMap(\.ttffMs).sorted()
        medianTTFFMs = ttffs.isEmpty ? nil : ttffs[ttffs.count / 2]
        maxTTFFMs = ttffs.last
        maxJitterMs = reports.compactMap(\.jitterMs).max()
    }
}

extension ProbeTotals: Encodable {
    enum CodingKeys: String, CodingKey {
        case sessions, passed, errors, packets, expected, lost
        case lossPct = "loss_pct"
        case bitrateKbps = "bitrate_kbps"
        case minFPS = "min_fps"
        case meanFPS = "mean_fps"
        case medianTTFFMs = "median_ttff_ms"
        case maxTTFFMs = "max_ttff_ms"
        case maxJitterMs = "max_jitter_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sessions, forKey: .sessions)
        try container.encode(passed, forKey: .passed)
        try container.encode(errors, forKey: .errors)
        try container.encode(packets, forKey: .packets)
        try container.encode(expected, forKey: .expected)
        try container.encode(lost, forKey: .lost)
        try container.encode(ProbeFormat.rounded(lossPct), forKey: .lossPct)
        try container.encode(ProbeFormat.rounded(bitrateKbps), forKey: .bitrateKbps)
        try container.encode(minFPS.map(ProbeFormat.rounded), forKey: .minFPS)
        try container.encode(meanFPS.map(ProbeFormat.rounded), forKey: .meanFPS)
        try container.encode(medianTTFFMs.map(ProbeFormat.rounded), forKey: .medianTTFFMs)
        try container.encode(maxTTFFMs.map(ProbeFormat.rounded), forKey: .maxTTFFMs)
        try container.encode(maxJitterMs.map(ProbeFormat.rounded), forKey: .maxJitterMs)
    }
}
