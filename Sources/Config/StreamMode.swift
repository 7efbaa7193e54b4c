import Spelling

/// How a stream's pictures are made (`mode:` on a stream).
public enum StreamMode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Rendered and encoded for this camera alone, frame by frame. The default.
    case live
    /// Encoded once for every camera whose pictures are identical (same scene, size,
    /// frame rate, rate control, GOP, profile and seed); each camera keeps its own RTP
    /// identity, viewers, faults and RTCP.
    case shared
    /// Rendered and encoded once for `loop` seconds, then replayed from memory forever;
    /// loops with the same key are encoded once per process.
    case loop
}

extension StreamMode {
    init?(field: YAMLField) {
        guard let text = field.string() else { return nil }
        guard let mode = StreamMode(rawValue: text.lowercased()) else {
            let names = StreamMode.allCases.map(\.rawValue)
            field.fail(
                "unknown stream mode '\(text)'; valid modes: \(names.joined(separator: ", "))",
                suggestion: Spelling.didYouMean(text.lowercased(), in: names)
            )
            return nil
        }
        self = mode
    }
}
