import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A UDP socket bound on 127.0.0.1 (or ::1) that reads datagrams with a deadline.
final class UDPReceiver {
    private let fd: Int32
    /// The bound local port.
    let port: Int

    /// Binds `port` on the loopback address of `family` (0 picks a free one).
    init(port: Int = 0, family: LoopbackFamily = .ipv4) throws {
        (fd, self.port) = try LoopbackSockets.bindUDP(port: port, family: family)
    }

    deinit { Glibc.close(fd) }

    /// The next datagram, or nil when none arrives within `timeoutSeconds`.
    func receive(timeoutSeconds: Double) -> [UInt8]? {
        receiveWithSource(timeoutSeconds: timeoutSeconds)?.bytes
    }

    /// The next datagram and the port it came from, or nil when none arrives within `timeoutSeconds`.
    func receiveWithSource(timeoutSeconds: Double) -> (bytes: [UInt8], sourcePort: Int)? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, remaining * 1000)))
            if ready <= 0 { continue }
            var datagram = [UInt8](repeating: 0, count: 65536)
            var source = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let count = datagram.withUnsafeMutableBytes { bytes in
                withUnsafeMutablePointer(to: &source) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(fd, bytes.baseAddress, bytes.count, 0, $0, &length)
                    }
                }
            }
            if count < 0 { continue }
            return (Array(datagram[0..<count]), Int(UInt16(bigEndian: source.sin_port)))
        }
    }

    /// Sends `bytes` from this socket to `port` on 127.0.0.1 (a receiver report, say).
    func send(_ bytes: [UInt8], toPort port: Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = bytes.withUnsafeBytes { payload in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, payload.baseAddress, payload.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// An RTP/RTCP pair on consecutive ports, the RTP one even (RFC 3550 §11).
    static func bindPair(family: LoopbackFamily = .ipv4) throws -> (rtp: UDPReceiver, rtcp: UDPReceiver) {
        try LoopbackSockets.evenPortPair(open: { try UDPReceiver(port: $0, family: family) }, port: \.port)
    }
}
