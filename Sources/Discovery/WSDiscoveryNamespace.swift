/// The names WS-Discovery 1.0 (April 2005), as ONVIF Core "Device discovery" uses it, puts on
/// the wire: namespaces, actions, the multicast address and the well-known port.
public enum WSDiscoveryNamespace {
    /// WS-Discovery (`d:`), April 2005 (WS-Discovery §1.4).
    public static let discovery = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
    /// WS-Addressing, August 2004 (`a:`), which WS-Discovery 2005/04 builds on.
    public static let addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
    /// SOAP 1.2 (`s:`).
    public static let envelope = "http://www.w3.org/2003/05/soap-envelope"
    /// ONVIF's network namespace (`dn:NetworkVideoTransmitter`; ONVIF Core, "Device discovery": Types).
    public static let network = "http://www.onvif.org/ver10/network/wsdl"
    /// The device service (`tds:Device`).
    public static let device = "http://www.onvif.org/ver10/device/wsdl"

    /// `wsa:To` of a multicast message (WS-Discovery §2.4).
    public static let multicastTo = "urn:schemas-xmlsoap-org:ws:2005:04:discovery"
    /// `wsa:To` of a reply: the anonymous endpoint (WS-Addressing 2004/08 §2.1).
    public static let anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"

    /// The actions of the messages camsim reads and writes (WS-Discovery §4, §5).
    public static let probeAction = discovery + "/Probe"
    public static let probeMatchesAction = discovery + "/ProbeMatches"
    public static let helloAction = discovery + "/Hello"
    public static let byeAction = discovery + "/Bye"

    /// The default scope matching rule (WS-Discovery §5.1: RFC 2396 prefix matching).
    public static let matchByRFC2396 = discovery + "/rfc2396"
    /// The same rule under its later name (WS-Discovery 1.1 §5.1, RFC 3986).
    public static let matchByRFC3986 = "http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01/rfc3986"
    /// Case-sensitive string comparison (WS-Discovery §5.1).
    public static let matchByStrcmp0 = discovery + "/strcmp0"

    /// IPv4 multicast group and port (WS-Discovery §2.4).
    public static let multicastGroup = "239.255.255.250"
    public static let port = 3702
}
