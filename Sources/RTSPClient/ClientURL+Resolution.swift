extension ClientURL {
    /// The base URL of a DESCRIBE answer (RFC 2326 §C.1.1): Content-Base, else
    /// Content-Location, else the request URL. A relative Content-Location is resolved
    /// against the request URL.
    public static func base(contentBase: String?, contentLocation: String?, requestURL: ClientURL) -> ClientURL {
        for candidate in [contentBase, contentLocation] {
            guard let candidate, !candidate.isEmpty else { continue }
            if let url = requestURL.resolving(candidate, asDirectory: false) { return url }
        }
        return requestURL
    }

    /// A control attribute or Location resolved against this URL (RFC 2326 §C.1.1, RFC 3986
    /// §5.2): `*` is this URL; an absolute URL stands alone; `/path` replaces the path;
    /// anything else is merged with the path.
    ///
    /// With `asDirectory` (the default, for SDP control attributes) a base whose path does
    /// not end in `/` is read as if it did, so `trackID=1` against `rtsp://h/stream` is
    /// `rtsp://h/stream/trackID=1`: a base URL names the presentation, and ffmpeg, GStreamer
    /// and live555 resolve it this way, as servers that omit Content-Base expect. A base
    /// that ends in `/` (what Content-Base carries) gives the same answer by RFC 3986.
    public func resolving(_ reference: String, asDirectory: Bool = true) -> ClientURL? {
        let reference = reference.trimmingSpaces()
        if reference.isEmpty || reference == "*" { return self }
        if reference.contains("://") { return ClientURL(reference) }
        guard reference.utf8.count <= Self.maximumLength else { return nil }
        var result = self
        result.user = nil
        result.password = nil
        if reference.hasPrefix("//") {
            return ClientURL("\(scheme):\(reference)")
        }
        if reference.hasPrefix("/") {
            result.pathAndQuery = Self.removingDotSegments(reference)
            return result
        }
        if reference.hasPrefix("?") {
            result.pathAndQuery = path + reference
            return result
        }
        var directory = path
        if asDirectory, !directory.hasSuffix("/") {
            directory += "/"
        } else if let slash = directory.lastIndex(of: "/") {
            directory = String(directory[...slash])
        }
        result.pathAndQuery = Self.removingDotSegments(directory + reference)
        return result
    }

    /// RFC 3986 §5.2.4 on the path part: `.` and `..` segments removed.
    static func removingDotSegments(_ pathAndQuery: String) -> String {
        var path = pathAndQuery
        var query = ""
        if let mark = pathAndQuery.firstIndex(of: "?") {
            path = String(pathAndQuery[..<mark])
            query = String(pathAndQuery[mark...])
        }
        guard path.contains(".") else { return path + query }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/") + query
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
