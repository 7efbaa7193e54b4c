import RTSP

/// `server.multicast`: where multicast streams are sent. Present, it turns multicast on:
/// every stream gets a fixed group and port pair, its own `multicast:` or one allocated
/// from `range` and `ports` (`MulticastAllocation`).
public struct MulticastSettings: Sendable, Equatable, Hashable {
    /// The groups streams are allocated from, e.g. `239.255.42.0/24` (administratively
    /// scoped, RFC 2365).
    public var range: MulticastRange
    /// The RTP ports streams are allocated from, RTP even and RTCP the odd port after it.
    public var ports: ClosedRange<Int>
    /// IP time to live of multicast datagrams: 1 keeps them on the local network.
    public var ttl: Int
    /// The interface multicast leaves by (IP_MULTICAST_IF), as an IPv4 address or an
    /// interface name; nil leaves the choice to the routing table.
    public var interface: String?

    public static let defaultRange = MulticastRange(first: IPv4Address(0xEFFF_2A00), prefixLength: 24)
    public static let defaultPorts = 40000...40999

    public init(
        range: MulticastRange = MulticastSettings.defaultRange, ports: ClosedRange<Int> = MulticastSettings.defaultPorts,
        ttl: Int = 1, interface: String? = nil
    ) {
        self.range = range
        self.ports = ports
        self.ttl = ttl
        self.interface = interface
    }

    /// Port pairs in `ports`.
    public var portPairCount: Int { (ports.upperBound - ports.lowerBound + 1) / 2 }
}

/// A block of IPv4 multicast groups in CIDR form, `239.255.42.0/24`, all inside 224.0.0.0/4.
public struct MulticastRange: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The first address of the block (host bits zero).
    public var first: IPv4Address
    /// Leading bits fixed: 4 (all of 224.0.0.0/4) to 32 (one group).
    public var prefixLength: Int

    public init(first: IPv4Address, prefixLength: Int) {
        self.first = first
        self.prefixLength = prefixLength
    }

    /// Groups in the block.
    public var count: Int { 1 << (32 - prefixLength) }

    /// The group at `index` (0 ..< count).
    public func group(at index: Int) -> IPv4Address {
        IPv4Address(first.value &+ UInt32(index))
    }

    public var description: String { "\(first)/\(prefixLength)" }

    enum Problem: Error, Equatable {
        case malformed(String)
        case notMulticast(String)
        case hostBitsSet(String, first: String)

        var message: String {
            switch self {
            case .malformed(let text): "expected a multicast range such as 239.255.42.0/24, found '\(text)'"
            case .notMulticast(let text): "'\(text)' is not inside the multicast block 224.0.0.0/4"
            case .hostBitsSet(let text, let first): "'\(text)' has host bits set; the range starts at \(first)"
            }
        }
    }

    /// Parses `a.b.c.d/n` (or a lone address, `/32`), which must lie inside 224.0.0.0/4.
    static func parse(_ text: String) throws(Problem) -> MulticastRange {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPv4Address(parsing: parts[0]) else {
            throw .malformed(text)
        }
        var prefix = 32
        if parts.count == 2 {
            guard parts[1].utf8.count <= 2, let bits = Int(parts[1]), (0...32).contains(bits) else { throw .malformed(text) }
            prefix = bits
        }
        guard prefix >= 4, address.isMulticast else { throw .notMulticast(text) }
        let hostMask: UInt32 = prefix == 32 ? 0 : UInt32.max >> UInt32(prefix)
        guard address.value & hostMask == 0 else {
            throw .hostBitsSet(text, first: IPv4Address(address.value & ~hostMask).description)
        }
        return MulticastRange(first: address, prefixLength: prefix)
    }
}

/// A stream's multicast group and RTP port (RTCP on the next port, RFC 3550 §11): its
/// own `multicast: {group, port}`, or the one allocated to it.
public struct MulticastEndpoint: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var group: IPv4Address
    /// The RTP port; even, RTCP on the odd port after it.
    public var port: Int

    public init(group: IPv4Address, port: Int) {
        self.group = group
        self.port = port
    }

    /// Whether both name the same group and their port pairs share a port.
    func collides(with other: MulticastEndpoint) -> Bool {
        group == other.group && abs(port - other.port) < 2
    }

    public var description: String { "\(group) port \(port)-\(port + 1)" }
}
