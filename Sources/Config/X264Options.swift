/// The x264 presets and tunings a stream may name.
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

    static func preset(field: YAMLField) -> String? {
        guard let text = field.string() else { return nil }
        guard presets.contains(text) else {
            field.fail(
                "unknown x264 preset '\(text)'; valid presets: \(presets.joined(separator: " "))",
                suggestion: Suggestion.didYouMean(text, in: presets)
            )
            return nil
        }
        return text
    }

    /// Decodes a tune; `none` means no tuning.
    static func tune(field: YAMLField) -> String?? {
        guard let text = field.string() else { return .none }
        if text == "none" { return .some(nil) }
        for part in text.split(separator: ",") where !tunes.contains(String(part)) {
            field.fail(
                "unknown x264 tune '\(part)'; valid tunes: \(tunes.joined(separator: " ")), or none",
                suggestion: Suggestion.didYouMean(String(part), in: tunes)
            )
            return .none
        }
        return .some(text)
    }
}
