import RTSP

/// Why an RTSP client session ended or could not start. Each case names the request it
/// concerns, so a report reads "DESCRIBE rtsp://…: 404 Not Found".
public enum RTSPClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The URL given is not an absolute rtsp:// or rtsps:// URL.
    case invalidURL(String)
    /// The server answered a request with an error status (RFC 2326 §7.1.1).
    case status(method: RTSPMethod, url: String, status: RTSPStatus)
    /// 401 with no credentials to offer, or again after they were sent.
    case unauthorized(method: RTSPMethod, url: String)
    /// 401 whose challenges name no scheme the client speaks (Basic, Digest MD5/SHA-256).
    case unsupportedAuthentication(method: RTSPMethod, challenges: [String])
    /// More 301/302 answers in a row than the limit.
    case tooManyRedirects(limit: Int)
    /// A redirect without a usable Location.
    case invalidRedirect(method: RTSPMethod, location: String?)
    /// No answer to a request within the response timeout.
    case responseTimeout(method: RTSPMethod, url: String)
    /// The server no longer knows the session (454 to a keepalive, RFC 2326 §12.37).
    case sessionExpired(url: String)
    /// An answer that lacks what the request needs (no SDP, no Session, a bad Transport).
    case invalidResponse(method: RTSPMethod, reason: String)
    /// The DESCRIBE answer has no track the client can set up, or none of those asked for.
    case noTracks(url: String)
    /// The server's byte stream broke the RTSP framing.
    case malformedStream(RTSPParseError)
    /// The connection closed or failed before TEARDOWN.
    case connectionClosed(reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let url): "not an rtsp:// URL: \(url)"
        case .status(let method, let url, let status): "\(method.name) \(url): \(status)"
        case .unauthorized(let method, let url): "\(method.name) \(url): 401 Unauthorized (credentials refused or missing)"
        case .unsupportedAuthentication(let method, let challenges):
            "\(method.name): no supported authentication scheme in \(challenges.joined(separator: "; "))"
        case .tooManyRedirects(let limit): "more than \(limit) redirects"
        case .invalidRedirect(let method, let location): "\(method.name): redirect to an invalid Location \(location ?? "(none)")"
        case .responseTimeout(let method, let url): "\(method.name) \(url): no response in time"
        case .sessionExpired(let url): "\(url): the server no longer knows the session"
        case .invalidResponse(let method, let reason): "\(method.name): \(reason)"
        case .noTracks(let url): "\(url): no track to set up"
        case .malformedStream(let error): "malformed RTSP from the server: \(error)"
        case .connectionClosed(let reason): "connection closed: \(reason)"
        }
    }
}
