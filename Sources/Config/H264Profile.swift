import Spelling

/// The H.264 profile the encoder is restricted to.
public enum H264Profile: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Constrained Baseline: no B-frames, no CABAC; for the simplest decoders.
    case baseline
    /// Main: adds CABAC (the profile allows B-frames, but camsim's encoder never makes
    /// them, so every frame is sent in display order).
    case main
    /// High: adds 8x8 transforms; what most cameras send.
    case high
}

extension H264Profile {
    init?(field: YAMLField) {
        guard let text = field.string() else { return nil }
        guard let profile = H264Profile(rawValue: text.lowercased()) else {
            let names = H264Profile.allCases.map(\.rawValue)
            field.fail(
                "unknown H.264 profile '\(text)'; valid profiles: \(names.joined(separator: ", "))",
                suggestion: Spelling.didYouMean(text, in: names)
            )
            return nil
        }
        self = profile
    }
}
