/// The network interface `GetNetworkInterfaces` shows (onvif.xsd tt:NetworkInterface): one
/// wired interface with a fixed IPv4 address, the way a camera with a static address shows it.
public struct NetworkInterface: Sendable, Equatable {
    /// The interface's token and name (`eth0`).
    public var name: String
    /// `02:xx:xx:xx:xx:xx`, a locally administered unicast address (IEEE 802 "U/L" bit set).
    public var hardwareAddress: String
    /// The dotted IPv4 address.
    public var ipv4Address: String
    public var prefixLength: Int

    public init(name: String = "eth0", hardwareAddress: String, ipv4Address: String, prefixLength: Int = 24) {
        self.name = name
        self.hardwareAddress = hardwareAddress
        self.ipv4Address = ipv4Address
        self.prefixLength = prefixLength
    }

    /// A MAC address made from an endpoint reference (`urn:uuid:…`): the first five bytes of
    /// its hex digits after `02`, so each camera's is its own and the same on every start.
    public static func hardwareAddress(endpointReference: String) -> String {
        let uuid = endpointReference.split(separator: ":", omittingEmptySubsequences: false).last ?? ""
        var digits = Array(uuid.lowercased().filter { $0.isHexDigit && $0.isASCII })
        while digits.count < 10 { digits.append("0") }
        let bytes = (0..<5).map { String(digits[2 * $0...2 * $0 + 1]) }
        return (["02"] + bytes).joined(separator: ":")
    }

    /// Whether `text` is a dotted-quad IPv4 address.
    public static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && Int(part).map { $0 <= 255 } == true
        }
    }
}
