import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The loopback address of one IP version: 127.0.0.1 or ::1.
enum LoopbackFamily {
    case ipv4, ipv6

    /// The address as a URL or configuration writes it.
    var host: String {
        switch self {
        case .ipv4: "127.0.0.1"
        case .ipv6: "::1"
        }
    }
}

/// Plain POSIX sockets on the loopback address (127.0.0.1 unless told ::1) for the test
/// clients: the one place that fills in a socket address, binds, connects and closes on failure.
enum LoopbackSockets {
    /// A connected TCP socket; `prepare` runs before the connect (buffer sizes, say).
    static func connectTCP(port: Int, family: LoopbackFamily = .ipv4, prepare: (Int32) -> Void = { _ in }) throws -> Int32 {
        let fd = socket(family.addressFamily, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawRTSPError.connectFailed(errno) }
        prepare(fd)
        let result = withLoopback(port: port, family: family) { connect(fd, $0, $1) }
        guard result == 0 else {
            let error = errno
            Glibc.close(fd)
            throw RawRTSPError.connectFailed(error)
        }
        return fd
    }

    /// A UDP socket bound to `port` (0 picks one) and the port it got; `prepare` runs before the bind.
    static func bindUDP(
        port: Int, family: LoopbackFamily = .ipv4, prepare: (Int32) -> Void = { _ in }
    ) throws -> (fd: Int32, port: Int) {
        let fd = socket(family.addressFamily, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw RawRTSPError.connectFailed(errno) }
        prepare(fd)
        let bound = withLoopback(port: port, family: family) { bind(fd, $0, $1) }
        guard bound == 0 else {
            let error = errno
            Glibc.close(fd)
            throw RawRTSPError.connectFailed(error)
        }
        // sin_port and sin6_port sit at the same offset, just after the family.
        var local = sockaddr_in6()
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        _ = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: local.sin6_port)))
    }

    /// Two endpoints on consecutive ports, the first even (an RTP/RTCP pair, RFC 3550 §11):
    /// `open(0)` until it lands on an even port, then `open(port + 1)`; `close` releases
    /// an endpoint that is not kept.
    static func evenPortPair<Endpoint>(
        attempts: Int = 64, open: (Int) throws -> Endpoint, port: (Endpoint) -> Int,
        close: (Endpoint) -> Void = { _ in }
    ) throws -> (Endpoint, Endpoint) {
        for _ in 0..<attempts {
            let first = try open(0)
            let even = port(first)
            guard even % 2 == 0, even < 65535 else {
                close(first)
                continue
            }
            if let second = try? open(even + 1) { return (first, second) }
            close(first)
        }
        throw RawRTSPError.connectFailed(EADDRINUSE)
    }

    /// Calls `body` with the loopback address of `family` at `port` and its length.
    private static func withLoopback<T>(
        port: Int, family: LoopbackFamily, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T
    ) -> T {
        switch family {
        case .ipv4:
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .ipv6:
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            address.sin6_addr = in6addr_loopback
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }
}

extension LoopbackFamily {
    /// `AF_INET` or `AF_INET6`, for `socket(2)`.
    fileprivate var addressFamily: Int32 {
        switch self {
        case .ipv4: AF_INET
        case .ipv6: AF_INET6
        }
    }
}
