import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A UDP socket bound on 127.0.0.1 that reads datagrams with a deadline.
final class UDPReceiver {
    private let fd: Int32
    /// The bound local port.
    let port: Int

    /// Binds `port` on 127.0.0.1 (0 picks a free one).
    init(port: Int = 0) throws {
        (fd, self.port) = try LoopbackSockets.bindUDP(port: port)
    }

    deinit { Glibc.close(fd) }

    /// The next datagram, or nil when none arrives within `timeoutSeconds`.
    func receive(timeoutSeconds: Double) -> [UInt8]? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, remaining * 1000)))
            if ready <= 0 { continue }
            var datagram = [UInt8](repeating: 0, count: 65536)
            let count = datagram.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { continue }
            return Array(datagram[0..<count])
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
    static func bindPair() throws -> (rtp: UDPReceiver, rtcp: UDPReceiver) {
        try LoopbackSockets.evenPortPair(open: { try UDPReceiver(port: $0) }, port: \.port)
    }
}
