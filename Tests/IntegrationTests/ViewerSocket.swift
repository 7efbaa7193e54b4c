import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP connection to 127.0.0.1 whose socket options are set before connect
/// (a small receive buffer makes a slow viewer), and whose reads tell a clean end of
/// stream (EOF) apart from a socket error.
final class ViewerSocket {
    /// What one read returned.
    enum Read {
        case bytes([UInt8])
        /// The server closed the connection cleanly: `recv` returned 0.
        case endOfStream
        /// `recv` or `poll` failed with this errno (e.g. ECONNRESET).
        case failed(Int32)
        case timedOut
    }

    private let fd: Int32

    /// Connects to `port`; `receiveBufferBytes` sets SO_RCVBUF before the connect so the
    /// advertised TCP window stays that small.
    init(port: Int, receiveBufferBytes: Int? = nil) throws {
        fd = try LoopbackSockets.connectTCP(port: port) { fd in
            if var size = receiveBufferBytes.map(Int32.init) {
                _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            }
        }
    }

    deinit { Glibc.close(fd) }

    /// The receive buffer size the kernel actually uses (Linux doubles the requested value).
    var receiveBufferBytes: Int {
        var size: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, &length)
        return Int(size)
    }

    /// Sends `text` completely, without SIGPIPE.
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw RawRTSPError.sendFailed(errno)
            }
            offset += sent
        }
    }

    /// Waits at most `timeoutSeconds` for data and reads what is there.
    func read(timeoutSeconds: Double) -> Read {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, timeoutSeconds * 1000)))
        if ready < 0 { return errno == EINTR ? .timedOut : .failed(errno) }
        if ready == 0 { return .timedOut }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? .timedOut : .failed(errno) }
        if count == 0 { return .endOfStream }
        return .bytes(Array(chunk[0..<count]))
    }
}
