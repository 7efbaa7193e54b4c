import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX sockets on 127.0.0.1 for the test clients: the one place that fills in
/// a `sockaddr_in`, binds, connects and closes on failure.
enum LoopbackSockets {
    /// A connected TCP socket; `prepare` runs before the connect (buffer sizes, say).
    static func connectTCP(port: Int, prepare: (Int32) -> Void = { _ in }) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawRTSPError.connectFailed(errno) }
        prepare(fd)
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let error = errno
            Glibc.close(fd)
            throw RawRTSPError.connectFailed(error)
        }
        return fd
    }

    /// A UDP socket bound to `port` (0 picks one) and the port it got; `prepare` runs before the bind.
    static func bindUDP(port: Int, prepare: (Int32) -> Void = { _ in }) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw RawRTSPError.connectFailed(errno) }
        prepare(fd)
        var address = loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let error = errno
            Glibc.close(fd)
            throw RawRTSPError.connectFailed(error)
        }
        var local = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: local.sin_port)))
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

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
