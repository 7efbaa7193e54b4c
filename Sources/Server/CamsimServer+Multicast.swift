import NIOCore
import RTSP

extension CamsimServer {
    /// The multicast group of the stream at `path` (`bars`, `bars/sub`), nil when it is
    /// not served multicast: what SETUP answers and what the group sent.
    public func multicastGroup(atPath path: String) -> (answer: MulticastTransport, counters: MulticastGroupCounters)? {
        guard let url = RTSPURL(parsing: "/" + path), let group = registry.resolve(url)?.multicast else { return nil }
        return (group.answer, group.counters)
    }

    /// The multicast interface must be found when the server starts, not at the first PLAY.
    func checkMulticastInterface() throws {
        guard let interface = configuration.multicast?.interface else { return }
        _ = try MulticastInterface.resolve(interface, among: System.enumerateDevices())
    }
}
