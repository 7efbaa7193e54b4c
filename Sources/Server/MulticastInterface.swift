#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import NIOCore
import RTSP

/// The interface multicast leaves by and receiver reports are joined on, from
/// `MulticastDelivery.interface`: an IPv4 address of this host, or an interface name.
public struct MulticastInterface: Sendable {
    /// The interface's IPv4 address (IP_MULTICAST_IF).
    public let address: IPv4Address
    /// The device, for joining the group's RTCP port on it (IP_ADD_MEMBERSHIP).
    public let device: NIONetworkDevice

    public enum Problem: Error, CustomStringConvertible {
        case noSuchInterface(String)
        public var description: String {
            "multicast interface '\(interfaceName)' is no IPv4 address or interface name of this host"
        }
        private var interfaceName: String {
            switch self { case .noSuchInterface(let name): name }
        }
    }

    /// The device named by `text` (its name, or one of its IPv4 addresses) among `devices`.
    public static func resolve(_ text: String, among devices: [NIONetworkDevice]) throws(Problem) -> MulticastInterface {
        let wanted = IPv4Address(parsing: text)
        for device in devices {
            guard case .v4(let v4)? = device.address else { continue }
            let address = IPv4Address(UInt32(bigEndian: v4.address.sin_addr.s_addr))
            if device.name == text || address == wanted {
                return MulticastInterface(address: address, device: device)
            }
        }
        throw .noSuchInterface(text)
    }

    /// `address` as the kernel takes it (network byte order).
    public var inAddr: in_addr { in_addr(s_addr: address.value.bigEndian) }
}
