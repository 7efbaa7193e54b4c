import ONVIF

/// One camera as WS-Discovery shows it (a Target Service, WS-Discovery §1.2): what its Hello and
/// ProbeMatch carry, and what its faults make discovery do.
public struct DiscoveryTarget: Sendable, Equatable {
    /// `wsa:EndpointReference/wsa:Address`: the camera's `urn:uuid:` (ONVIF Core, "Endpoint reference").
    public var endpointReference: String
    /// `d:Types` (ONVIF Core, "Device discovery": `dn:NetworkVideoTransmitter`, and `tds:Device`).
    public var types: [XMLName]
    /// `d:Scopes`: the camera's scope URIs.
    public var scopes: [String]
    /// `d:XAddrs`: the device service's addresses.
    public var xaddrs: [String]
    /// `d:MetadataVersion`: raised when types, scopes or addresses change (WS-Discovery §4.1).
    public var metadataVersion: UInt32
    /// `discovery_silent`: no ProbeMatch, Hello or Bye.
    public var silent: Bool
    /// `discovery_duplicates`: each ProbeMatch is sent this many times in all, each copy a message
    /// of its own (a fresh MessageID), so a client must tell cameras apart by endpoint reference.
    public var copies: Int

    public init(
        endpointReference: String, types: [XMLName] = DiscoveryTarget.onvifTypes, scopes: [String], xaddrs: [String],
        metadataVersion: UInt32 = 1, silent: Bool = false, copies: Int = 1
    ) {
        self.endpointReference = endpointReference
        self.types = types
        self.scopes = scopes
        self.xaddrs = xaddrs
        self.metadataVersion = metadataVersion
        self.silent = silent
        self.copies = copies
    }

    /// What an ONVIF device announces itself as.
    public static let onvifTypes = [
        XMLName(WSDiscoveryNamespace.network, "NetworkVideoTransmitter"), XMLName(WSDiscoveryNamespace.device, "Device"),
    ]

    /// Whether this target answers `probe` (WS-Discovery §5.3): every probe type is one of its
    /// types, and every probe scope matches one of its scopes.
    public func matches(_ probe: Probe) -> Bool {
        probe.types.allSatisfy { type in types.contains { type.matches($0) } }
            && probe.scopes.allSatisfy { scope in scopes.contains { probe.matchBy.matches(scope, $0) } }
    }

    /// Whether what a client caches of the target differs (so the MetadataVersion must rise).
    func announcesDifferently(from other: DiscoveryTarget) -> Bool {
        types != other.types || scopes != other.scopes || xaddrs != other.xaddrs
    }
}
