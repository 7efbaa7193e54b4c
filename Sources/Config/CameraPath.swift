/// Rules for the RTSP path a camera is served under (`rtsp://host:port/<path>`).
///
/// A path is one or more `/`-separated segments made of URL-unreserved
/// characters: letters, digits, `-`, `.`, `_` and `~`. A single leading `/` is
/// accepted and dropped, so `/bars` and `bars` name the same camera.
enum CameraPath {
    /// The path without a leading slash.
    static func normalized(_ path: String) -> String {
        path.hasPrefix("/") ? String(path.dropFirst()) : path
    }

    /// Why `path` (already normalized) is not a valid camera path, or nil if it is.
    static func problem(_ path: String) -> String? {
        if path.isEmpty { return "camera path must not be empty" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: \.isEmpty) {
            return "camera path '\(path)' has an empty segment (a doubled or trailing '/')"
        }
        if segments.contains(where: { $0 == "." || $0 == ".." }) {
            return "camera path '\(path)' must not contain '.' or '..' segments"
        }
        if let bad = path.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "camera path '\(path)' contains '\(bad)'; use letters, digits, '-', '.', '_', '~' and '/'"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-._~/".unicodeScalars.contains(scalar)
    }
}
