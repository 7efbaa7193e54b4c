/// Bounds on what a datagram may make camsim do, and the sizes camsim keeps to.
public enum DiscoveryLimits {
    /// Largest Probe read; a Probe is a few hundred bytes (WS-Discovery §5.2), and SOAP-over-UDP
    /// datagrams stay within one UDP datagram anyway. Larger ones are dropped unread.
    public static let maxProbeBytes = 8 * 1024
    /// Deepest element nesting in a Probe (envelope 1, body 2, Probe 3, Scopes 4).
    public static let maxProbeDepth = 12
    /// Most elements in a Probe.
    public static let maxProbeElements = 64
    /// Most scopes (and most types) one Probe may name; more and it is dropped.
    public static let maxProbeTerms = 32
    /// Every datagram camsim writes stays under this many bytes, so it fits one Ethernet
    /// frame with room for IP options and tunnels (ONVIF Core, "Device discovery").
    public static let datagramBudget = 1_400
    /// Probe MessageIDs remembered to answer a client's repeated Probe once (SOAP-over-UDP §3.3).
    public static let rememberedProbes = 64
}
