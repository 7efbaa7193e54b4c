/// How an RTSP client session is made: where to, how media travels, and with what limits.
public struct RTSPClientConfiguration: Hashable, Sendable {
    /// How RTP and RTCP reach the client.
    public enum Transport: String, Hashable, Sendable, CaseIterable {
        /// RTP/AVP over UDP to client port pairs (RFC 2326 §12.39).
        case udp
        /// RTP/AVP/TCP interleaved on the RTSP connection (RFC 2326 §10.12).
        case tcp
        /// Interleaved inside an HTTP tunnel (a GET and a base64 POST connection).
        case http
    }

    /// The URL to DESCRIBE; `user:password@` in it are credentials.
    public var url: String
    /// Credentials, taking precedence over those in the URL.
    public var username: String?
    public var password: String?
    public var transport: Transport
    /// Media indices (`m=` positions) to set up; nil sets up every track.
    public var tracks: [Int]?
    public var userAgent: String
    /// How long a request may wait for its answer.
    public var responseTimeout: Duration
    /// The session timeout when the server's Session header names none (RFC 2326 §12.37).
    public var defaultSessionTimeout: Duration
    /// Most redirects followed in a row (RFC 2326 §11.3.3).
    public var maximumRedirects: Int

    public static let defaultMaximumRedirects = 5

    public init(
        url: String, username: String? = nil, password: String? = nil, transport: Transport = .tcp,
        tracks: [Int]? = nil, userAgent: String = "camsim", responseTimeout: Duration = .seconds(10),
        defaultSessionTimeout: Duration = .seconds(60), maximumRedirects: Int = defaultMaximumRedirects
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.transport = transport
        self.tracks = tracks
        self.userAgent = userAgent
        self.responseTimeout = responseTimeout
        self.defaultSessionTimeout = defaultSessionTimeout
        self.maximumRedirects = maximumRedirects
    }
}
