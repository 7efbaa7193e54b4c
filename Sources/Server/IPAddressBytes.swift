#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The network-order bytes of an IP address literal, as a certificate's subjectAltName
/// iPAddress holds them (RFC 5280 §4.2.1.6): 4 for IPv4, 16 for IPv6.
enum IPAddressBytes {
    /// `127.0.0.1` -> 4 bytes, `::1` or `[::1]` -> 16 bytes, anything else nil.
    static func parse(_ text: String) -> [UInt8]? {
        var literal = text
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
