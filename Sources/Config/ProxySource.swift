/// Where a proxy camera's media comes from: an upstream RTSP URL (a real camera or any
/// RTSP server) and how to reach and keep it. A camera with a `source:` relays that
/// stream instead of drawing a scene of its own.
///
/// ```yaml
/// - path: dock-door
///   source: rtsp://user:pass@10.0.0.7/stream1
///   source_transport: tcp        # udp | tcp | http
///   gop_cache: true
///   reconnect: { initial: 0.5s, max: 30s }
///   outage: 10s
/// ```
public struct ProxySource: Sendable, Equatable, Hashable {
    /// The upstream URL without its credentials (safe to log).
    public var url: String
    /// The user name from the URL's `user:password@`, if any.
    public var user: String?
    /// The password from the URL, never logged.
    public var password: Secret?
    public var transport: ProxyTransport
    /// Keep the last GOP so a new viewer starts at once from its IDR.
    public var gopCache: Bool
    /// First and largest delay between reconnect attempts (doubling in between).
    public var reconnectInitialSeconds: Double
    public var reconnectMaxSeconds: Double
    /// How long playing viewers keep their sessions while upstream is down.
    public var outageSeconds: Double

    public static let defaultReconnectInitialSeconds = 0.5
    public static let defaultReconnectMaxSeconds = 30.0
    public static let defaultOutageSeconds = 10.0

    public init(
        url: String, user: String? = nil, password: Secret? = nil, transport: ProxyTransport = .tcp,
        gopCache: Bool = true,
        reconnectInitialSeconds: Double = ProxySource.defaultReconnectInitialSeconds,
        reconnectMaxSeconds: Double = ProxySource.defaultReconnectMaxSeconds,
        outageSeconds: Double = ProxySource.defaultOutageSeconds
    ) {
        self.url = url
        self.user = user
        self.password = password
        self.transport = transport
        self.gopCache = gopCache
        self.reconnectInitialSeconds = reconnectInitialSeconds
        self.reconnectMaxSeconds = reconnectMaxSeconds
        self.outageSeconds = outageSeconds
    }
}

/// How the proxy receives the upstream's RTP: UDP, TCP-interleaved (RFC 2326 §10.12)
/// or the HTTP tunnel.
public enum ProxyTransport: String, Sendable, Hashable, CaseIterable {
    case udp, tcp, http
}
