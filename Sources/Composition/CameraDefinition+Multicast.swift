import Config
import RTSP
import Server

extension CameraDefinition {
    /// The SETUP answers of a camera's multicast streams: the group and port allocated
    /// to each stream, with the server's scope. Empty when multicast is off.
    static func multicastAnswers(
        path: String, allocation: MulticastAllocation, settings: MulticastSettings?
    ) -> [String: MulticastTransport] {
        guard let settings, let endpoints = allocation.endpoints[path] else { return [:] }
        return endpoints.mapValues { endpoint in
            MulticastTransport(group: endpoint.group, rtpPort: UInt16(endpoint.port), ttl: UInt8(settings.ttl))
        }
    }
}

extension MulticastDelivery {
    /// The server's multicast scope and interface from `server.multicast`.
    init(_ settings: MulticastSettings) {
        self.init(ttl: UInt8(settings.ttl), interface: settings.interface)
    }
}
