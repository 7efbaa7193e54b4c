import Spelling

/// The x264 presets and tunings a stream may name (x265 knows the same presets).
enum X264Options {
    /// From fastest to slowest.
    static let presets = [
        "ultrafast", "superfast", "veryfast", "faster", "fast",
        "medium", "slow", "slower", "veryslow", "placebo",
    ]

    /// Tunings; several may be combined with commas, e.g. `fastdecode,zerolatency`.
    static let tunes = [
        "film", "animation", "grain", "stillimage", "psnr", "ssim", "fastdecode", "zerolatency",
    ]

    /// The tunings x265 shares with x264 (an `h265` stream takes only these).
    static let x265Tunes = ["animation", "grain", "psnr", "ssim", "fastdecode", "zerolatency"]

    static func preset(field: YAMLField) -> String? {
        guard let text = field.string() else { return nil }
        if let problem = presetProblem(text) {
            field.fail(problem.message, suggestion: problem.suggestion)
            return nil
        }
        return text
    }

    /// Why `value` is not an x264 preset, or nil when it is one.
    static func presetProblem(_ value: String) -> (message: String, suggestion: String?)? {
        presets.contains(value) ? nil : (
            "unknown x264 preset '\(value)'; valid presets: \(presets.joined(separator: " "))",
            Spelling.didYouMean(value, in: presets)
        )
    }

    /// Decodes a tune; `none` means no tuning.
    static func tune(field: YAMLField) -> String?? {
        guard let text = field.string() else { return .none }
        if text == "none" { return .some(nil) }
        for part in text.split(separator: ",") where !tunes.contains(String(part)) {
            field.fail(
                "unknown x264 tune '\(part)'; valid tunes: \(tunes.joined(separator: " ")), or none",
                suggestion: Spelling.didYouMean(String(part), in: tunes)
            )
            return .none
        }
        return .some(text)
    }
}
