/// The largest RTP packet that fits in one IP datagram of `mtu` bytes, the size the
/// `mtu` setting states: the datagram also carries an IP header (20 bytes for IPv4,
/// RFC 791 §3.1; 40 for IPv6, RFC 8200 §3) and a UDP header (8 bytes, RFC 768).
///
/// A stream is packetized once and its packets are shared by every viewer, over UDP
/// and in interleaved frames (RFC 2326 §10.12) alike, so one budget serves them all:
/// that of the address family the server listens on, read from its bind address. An
/// IPv4 address gets the IPv4 budget; an IPv6 address, the dual-stack wildcard `::` or
/// a host name (which may resolve to either) gets the smaller IPv6 one, which never
/// fragments.
enum RTPPacketBudget {
    static let ipv4HeaderSize = 20
    static let ipv6HeaderSize = 40
    static let udpHeaderSize = 8

    /// The largest RTP packet, its header included, for a server bound to `bindHost`.
    static func maxPacketSize(mtu: Int, bindHost: String) -> Int {
        let ipHeader = isIPv4Address(bindHost) ? ipv4HeaderSize : ipv6HeaderSize
        return mtu - ipHeader - udpHeaderSize
    }

    /// True for a dotted-quad IPv4 address such as `0.0.0.0` or `192.168.1.10`.
    static func isIPv4Address(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { ("0"..."9").contains($0) } && Int(part)! <= 255
        }
    }
}
