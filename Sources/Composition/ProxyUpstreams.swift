import Cameras
import Config

/// Makes the upstream of a proxy camera from its `source:`: camsim's RTSP client.
enum ProxyUpstreams {
    static func make(_ source: ProxySource) -> any ProxyUpstream {
        RTSPClientUpstream(source: source)
    }
}

extension ProxySettings {
    /// The relay settings of a camera's `source:`.
    init(_ source: ProxySource) {
        self.init(
            upstream: ProxyUpstreams.make(source),
            gopCacheBytes: source.gopCache ? 8 << 20 : nil,
            reconnectInitialNanoseconds: Int64(source.reconnectInitialSeconds * 1e9),
            reconnectMaximumNanoseconds: Int64(source.reconnectMaxSeconds * 1e9),
            outageNanoseconds: Int64(source.outageSeconds * 1e9))
    }
}

/// A proxy stream draws nothing of its own: a snapshot of it has no picture to render.
struct ProxyHasNoPicture: Error, CustomStringConvertible {
    var description: String { "a proxy camera relays its source and draws no picture of its own" }
}
