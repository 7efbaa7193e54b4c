import RTSP

extension CamsimServer {
    /// The multicast group of the stream at `path` (`bars`, `bars/sub`), nil when it is
    /// not served multicast: what SETUP answers and what the group sent.
    public func multicastGroup(atPath path: String) -> (answer: MulticastTransport, counters: MulticastGroupCounters)? {
        guard let url = RTSPURL(parsing: "/" + path), let group = registry.resolve(url)?.multicast else { return nil }
        return (group.answer, group.counters)
    }
}
