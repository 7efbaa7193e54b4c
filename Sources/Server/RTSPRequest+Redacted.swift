import RTSP

extension RTSPRequest {
    /// The request URI for a log line: any `user:password@` a client put in it removed.
    var redactedURI: String { Self.redacting(uri) }

    static func redacting(_ uri: String) -> String {
        guard let scheme = uri.range(of: "://") else { return uri }
        let authorityEnd = uri[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" } ?? uri.endIndex
        guard let at = uri[scheme.upperBound..<authorityEnd].lastIndex(of: "@") else { return uri }
        return String(uri[..<scheme.upperBound]) + String(uri[uri.index(after: at)...])
    }
}
