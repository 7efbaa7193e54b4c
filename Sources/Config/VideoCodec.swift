import Spelling

/// The video coding a stream is sent in (`codec:` on a stream).
public enum VideoCodec: String, Sendable, Equatable, Hashable, CaseIterable {
    /// H.264 (ITU-T H.264) from x264, in RTP per RFC 6184. The default.
    case h264
    /// H.265/HEVC (ITU-T H.265) from x265, in RTP per RFC 7798.
    case h265
    /// Motion JPEG from libjpeg-turbo, in RTP per RFC 2435.
    case jpeg
}

extension VideoCodec {
    init?(field: YAMLField) {
        guard let text = field.string() else { return nil }
        guard let codec = VideoCodec(rawValue: text.lowercased()) else {
            let names = VideoCodec.allCases.map(\.rawValue)
            field.fail(
                "unknown video codec '\(text)'; valid codecs: \(names.joined(separator: ", "))",
                suggestion: Spelling.didYouMean(text.lowercased(), in: names)
            )
            return nil
        }
        self = codec
    }
}
