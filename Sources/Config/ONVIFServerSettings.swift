/// `server.onvif:`: what the process as a whole does for ONVIF: the range of ports that
/// give each camera a device service of its own, and WS-Discovery.
public struct ONVIFServerSettings: Sendable, Equatable, Hashable {
    /// WS-Discovery (UDP 3702, group 239.255.255.250): whether camsim answers probes and
    /// announces cameras, and on which interface.
    public struct Discovery: Sendable, Equatable, Hashable {
        public var enabled: Bool
        /// An IPv4 address or an interface name to join the group on; nil for the system's choice.
        public var interface: String?

        public init(enabled: Bool = true, interface: String? = nil) {
            self.enabled = enabled
            self.interface = interface
        }
    }

    /// `ports: 18000-18999`: camera k (in configuration order) also answers at
    /// `http://HOST:PORT_k/onvif/device_service`; nil for none.
    public var ports: ClosedRange<Int>?
    public var discovery: Discovery

    public init(ports: ClosedRange<Int>? = nil, discovery: Discovery = Discovery()) {
        self.ports = ports
        self.discovery = discovery
    }
}
