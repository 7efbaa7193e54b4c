/// Where a camera made by a template (`count:` in `cameras:`, or `--cameras N`) came from:
/// the path pattern as written and the camera's place among the template's cameras.
/// Shared streams draw the pattern as the camera's name and the template's seed, so the
/// template's cameras show one picture.
public struct CameraTemplate: Sendable, Equatable, Hashable {
    /// The path pattern, e.g. `lobby-{n:02}`.
    public var pattern: String
    /// The camera's 0-based position in the template.
    public var index: Int

    public init(pattern: String, index: Int) {
        self.pattern = pattern
        self.index = index
    }

    /// The pattern's last path component (`site-a/cam-{n}` gives `cam-{n}`), the name a
    /// camera of the template shows where a scene draws `{camera}` on a shared stream.
    public var name: String {
        pattern.split(separator: "/").last.map(String.init) ?? pattern
    }
}

extension CameraConfig {
    /// The seed the camera's template was given: each template camera gets that seed plus
    /// its position. The camera's own seed for a camera not made by a template; nil when
    /// none was given.
    public var templateSeed: UInt64? {
        guard let template else { return seed }
        return seed.map { $0 &- UInt64(template.index) }
    }
}
