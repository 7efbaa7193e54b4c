/// The delays of WS-Discovery and SOAP-over-UDP, in nanoseconds.
///
/// - A Target Service answering a multicast Probe waits a random time in `0...appMaxDelay`
///   before its ProbeMatch (WS-Discovery §2.4, APP_MAX_DELAY 500 ms), so a probe reaching
///   many devices does not answer in one burst. camsim draws the wait per datagram.
/// - Each datagram is repeated (SOAP-over-UDP 1.1 Appendix I): unicast once more
///   (UNICAST_UDP_REPEAT 1), multicast twice more (MULTICAST_UDP_REPEAT 2), the first repeat
///   after a random `UDP_MIN_DELAY...UDP_MAX_DELAY` (50–250 ms), each next one after twice
///   the last, at most UDP_UPPER_DELAY (500 ms). A repeat is the same message (same MessageID).
public struct DiscoveryTiming: Sendable, Equatable {
    public var appMaxDelay: Int64 = 500_000_000
    public var unicastRepeat = 1
    public var multicastRepeat = 2
    public var minDelay: Int64 = 50_000_000
    public var maxDelay: Int64 = 250_000_000
    public var upperDelay: Int64 = 500_000_000

    public init() {}

    /// No waits and no repeats: one send of each message, at once.
    public static let immediate: DiscoveryTiming = {
        var timing = DiscoveryTiming()
        timing.appMaxDelay = 0
        timing.unicastRepeat = 0
        timing.multicastRepeat = 0
        return timing
    }()
}
