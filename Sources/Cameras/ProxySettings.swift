/// What makes a stream a proxy of an upstream RTSP source rather than a synthetic one
/// (`StreamDefinition.proxy`).
public struct ProxySettings: Sendable {
    public var upstream: any ProxyUpstream
    /// Bytes of the last GOP kept for joining viewers; nil keeps none, and a viewer
    /// waits for the upstream's next IDR.
    public var gopCacheBytes: Int?
    public var reconnectInitialNanoseconds: Int64
    public var reconnectMaximumNanoseconds: Int64
    /// How long playing viewers keep their sessions while upstream is down.
    public var outageNanoseconds: Int64

    public init(
        upstream: any ProxyUpstream, gopCacheBytes: Int? = 8 << 20,
        reconnectInitialNanoseconds: Int64 = 500_000_000, reconnectMaximumNanoseconds: Int64 = 30_000_000_000,
        outageNanoseconds: Int64 = 10_000_000_000
    ) {
        self.upstream = upstream
        self.gopCacheBytes = gopCacheBytes
        self.reconnectInitialNanoseconds = reconnectInitialNanoseconds
        self.reconnectMaximumNanoseconds = reconnectMaximumNanoseconds
        self.outageNanoseconds = outageNanoseconds
    }
}

/// A proxy stream's upstream as the control API shows it.
public struct UpstreamStatus: Sendable, Equatable {
    /// `idle`, `connecting`, `up` or `retrying`.
    public var state: String
    public var reconnects: Int
    public var failures: Int
    /// The upstream's own packet loss, percent.
    public var lossPercent: Double
    public var url: String
}
