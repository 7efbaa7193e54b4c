import Foundation

/// A client's RTP/RTCP receive pair on 127.0.0.1: two UDP sockets on consecutive
/// ports, the first even (RFC 3550 §11), with a short receive timeout.
final class UDPPortPair {
    let rtpPort: Int
    private let rtp: Int32
    private let rtcp: Int32

    init() throws {
        for _ in 0..<64 {
            let (first, port) = try Self.bind(0)
            guard port % 2 == 0, port < 65535, let second = try? Self.bind(port + 1) else {
                Glibc.close(first)
                continue
            }
            rtp = first
            rtcp = second.0
            rtpPort = port
            return
        }
        throw BenchError.socket("no even UDP port pair")
    }

    func close() {
        Glibc.close(rtp)
        Glibc.close(rtcp)
    }

    /// Discards whatever is queued (packets of an earlier session).
    func drain() {
        var chunk = [UInt8](repeating: 0, count: 2048)
        while recv(rtp, &chunk, chunk.count, Int32(MSG_DONTWAIT)) > 0 {}
        while recv(rtcp, &chunk, chunk.count, Int32(MSG_DONTWAIT)) > 0 {}
    }

    /// Waits for one RTP datagram; false on timeout.
    func receiveRTP() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 2048)
        return recv(rtp, &chunk, chunk.count, 0) > 0
    }

    private static func bind(_ port: Int) throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError.socket("socket") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                Glibc.bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(fd)
            throw BenchError.socket("bind \(port)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
