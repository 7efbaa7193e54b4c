import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A UDP socket on 127.0.0.1 drained by its own thread into memory, each datagram
/// stamped by the kernel on arrival (SO_TIMESTAMPNS). The receive buffer is large and
/// the kernel's drop count for the socket can be read, so loss measured from what
/// arrived is the sender's loss and not the test's.
final class FaultPacketTap: @unchecked Sendable {
    /// One datagram and when it arrived (nanoseconds, CLOCK_REALTIME as the kernel stamps it).
    struct Arrival {
        var nanos: Int64
        var bytes: [UInt8]
    }

    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var arrivals: [Arrival] = []
    private var running = true
    private let finished = DispatchSemaphore(value: 0)

    /// SO_TIMESTAMPNS (SO_TIMESTAMPNS_OLD on Linux x86_64 and arm64).
    private static let timestampOption: Int32 = 35

    init(port: Int = 0, receiveBufferBytes: Int32 = 16 << 20) throws {
        (fd, self.port) = try LoopbackSockets.bindUDP(port: port) { fd in
            var size = receiveBufferBytes
            let length = socklen_t(MemoryLayout<Int32>.size)
            // SO_RCVBUFFORCE passes rmem_max when allowed; SO_RCVBUF is capped by it otherwise.
            if setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, length) != 0 {
                _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, length)
            }
            var on: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, Self.timestampOption, &on, length)
        }
        Thread.detachNewThread { [self] in drain() }
    }

    /// Stops the reader thread and closes the socket. Must be called (the thread holds the tap).
    func stop() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        guard wasRunning else { return }
        _ = finished.wait(timeout: .now() + 5)
        let drops = readKernelDrops()
        lock.lock()
        dropsAtStop = drops
        lock.unlock()
        Glibc.close(fd)
    }

    /// Everything received so far.
    var snapshot: [Arrival] {
        lock.lock()
        defer { lock.unlock() }
        return arrivals
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return arrivals.count
    }

    private var dropsAtStop: Int?

    /// Datagrams the kernel dropped on this socket (receive buffer full), from /proc/net/udp;
    /// after `stop` the count read just before the socket closed.
    var kernelDrops: Int? {
        lock.lock()
        let stopped = !running
        let recorded = dropsAtStop
        lock.unlock()
        return stopped ? recorded : readKernelDrops()
    }

    private func readKernelDrops() -> Int? {
        guard let table = try? String(contentsOfFile: "/proc/net/udp", encoding: .utf8) else { return nil }
        let local = String(format: "0100007F:%04X", port)
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 13, fields[1] == local { return Int(fields[12]) }
        }
        return nil
    }

    /// The current time on the kernel's timestamp clock.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func drain() {
        var datagram = [UInt8](repeating: 0, count: 65536)
        var control = [UInt8](repeating: 0, count: 256)
        while isRunning {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            var stamp: Int64?
            let received: Int = datagram.withUnsafeMutableBytes { data in
                control.withUnsafeMutableBytes { controlBytes in
                    var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlBytes.baseAddress
                        message.msg_controllen = controlBytes.count
                        let count = recvmsg(fd, &message, Int32(MSG_DONTWAIT))
                        if count >= 0 { stamp = Self.timestamp(controlBytes, length: Int(message.msg_controllen)) }
                        return count
                    }
                }
            }
            guard received >= 0 else { continue }
            let arrival = Arrival(nanos: stamp ?? Self.now(), bytes: Array(datagram[0..<received]))
            lock.lock()
            arrivals.append(arrival)
            lock.unlock()
        }
        finished.signal()
    }

    /// The SCM_TIMESTAMPNS value among the control messages, if any.
    private static func timestamp(_ control: UnsafeMutableRawBufferPointer, length: Int) -> Int64? {
        let headerSize = MemoryLayout<cmsghdr>.size
        let align = MemoryLayout<Int>.size
        var offset = 0
        while offset + headerSize <= length {
            let header = control.load(fromByteOffset: offset, as: cmsghdr.self)
            let messageLength = Int(header.cmsg_len)
            guard messageLength >= headerSize else { return nil }
            if header.cmsg_level == SOL_SOCKET, header.cmsg_type == timestampOption,
               offset + headerSize + MemoryLayout<timespec>.size <= length {
                let time = control.loadUnaligned(fromByteOffset: offset + headerSize, as: timespec.self)
                return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
            }
            offset += (messageLength + align - 1) / align * align
        }
        return nil
    }

    /// An RTP/RTCP pair of taps on consecutive ports, the RTP one even.
    static func pair() throws -> (rtp: FaultPacketTap, rtcp: FaultPacketTap) {
        try LoopbackSockets.evenPortPair(open: { try FaultPacketTap(port: $0) }, port: \.port, close: { $0.stop() })
    }
}
