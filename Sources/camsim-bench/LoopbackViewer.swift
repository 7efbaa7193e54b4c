import Foundation

/// A minimal RTSP viewer for the benchmark: one blocking TCP socket to 127.0.0.1,
/// DESCRIBE/SETUP (interleaved)/PLAY, then it counts access units (RTP marker bits)
/// until told to stop. Runs on its own thread.
final class LoopbackViewer: @unchecked Sendable {
    let url: String
    let port: Int
    private let lock = NSLock()
    private var frames = 0
    private var lost = 0
    private var stopped = false
    private var failed: String?
    private var thread: Thread?

    init(url: String, port: Int) {
        self.url = url
        self.port = port
    }

    var frameCount: Int { lock.withLock { frames } }
    /// RTP packets missing from the sequence so far (RFC 3550 §5.1 sequence numbers).
    var lostPackets: Int { lock.withLock { lost } }
    var failure: String? { lock.withLock { failed } }

    func start() {
        let thread = Thread { [self] in
            do { try run() } catch { lock.withLock { failed = "\(error)" } }
        }
        thread.stackSize = 256 << 10
        self.thread = thread
        thread.start()
    }

    func stop() { lock.withLock { stopped = true } }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func run() throws {
        let socket = try LoopbackSocket(port: port)
        defer { socket.close() }
        _ = try socket.request("DESCRIBE \(url) RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n")
        let setup = try socket.request(
            "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n")
        guard let session = setup.header("Session")?.split(separator: ";").first else {
            throw BenchError.protocolError("no session in SETUP reply")
        }
        _ = try socket.request("PLAY \(url) RTSP/1.0\r\nCSeq: 3\r\nSession: \(session)\r\n\r\n")
        var lastSequence: UInt16?
        while !isStopped {
            guard let (channel, payload) = try socket.readInterleaved(), channel == 0, payload.count >= 4 else { continue }
            // RTP marker bit and sequence number (RFC 3550 §5.1): the marker ends an access unit.
            let start = payload.startIndex
            let sequence = UInt16(payload[start + 2]) << 8 | UInt16(payload[start + 3])
            let missing = lastSequence.map { Int(sequence &- $0 &- 1) } ?? 0
            lastSequence = sequence
            let marker = payload[start + 1] & 0x80 != 0
            lock.withLock {
                if missing > 0, missing < 0x8000 { lost += missing }
                if marker { frames += 1 }
            }
        }
    }
}

enum BenchError: Error { case protocolError(String), socket(String) }

/// Blocking loopback TCP with a receive timeout, reading RTSP replies and `$` frames;
/// a reply waited for skips the frames that arrive before it.
final class LoopbackSocket {
    private let fd: Int32
    private var buffer: [UInt8] = []

    struct Reply {
        let head: String
        /// The code of the status line (`RTSP/1.0 200 OK`).
        var status: Int? { head.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } }
        func header(_ name: String) -> String? {
            for line in head.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    init(port: Int, receiveTimeoutSeconds: Int = 1) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError.socket("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw BenchError.socket("connect") }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { _ = Glibc.close(fd) }

    /// Closes the way a crashed or unplugged client does: a reset, no goodbye.
    func abort() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    func request(_ text: String) throws -> Reply {
        let bytes = Array(text.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw BenchError.socket("send") }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            // Media already flowing on this connection comes before the reply.
            if buffer.first == UInt8(ascii: "$") {
                guard buffer.count >= 4, buffer.count >= 4 + (Int(buffer[2]) << 8 | Int(buffer[3])) else {
                    _ = try fillOrTimeout()
                    continue
                }
                buffer.removeFirst(4 + (Int(buffer[2]) << 8 | Int(buffer[3])))
                continue
            }
            if let end = headerEnd() {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                var consumed = end + 4
                if let length = Reply(head: head).header("Content-Length").flatMap(Int.init) {
                    while buffer.count < consumed + length { try fill() }
                    consumed += length
                }
                buffer.removeFirst(consumed)
                return Reply(head: head)
            }
            // A reply may take longer than one receive timeout (PLAY waits for a keyframe).
            _ = try fillOrTimeout()
        }
        throw BenchError.protocolError("no reply")
    }

    /// The next interleaved frame, or nil on a receive timeout.
    func readInterleaved() throws -> (UInt8, ArraySlice<UInt8>)? {
        while buffer.count < 4 { if try !fillOrTimeout() { return nil } }
        guard buffer[0] == UInt8(ascii: "$") else { throw BenchError.protocolError("not an interleaved frame") }
        let length = Int(buffer[2]) << 8 | Int(buffer[3])
        while buffer.count < 4 + length { if try !fillOrTimeout() { return nil } }
        let frame = (buffer[1], buffer[4..<(4 + length)])
        buffer.removeFirst(4 + length)
        return frame
    }

    private func headerEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func fill() throws { if try !fillOrTimeout() { throw BenchError.socket("timeout") } }

    private func fillOrTimeout() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return false }
        throw BenchError.socket("connection closed")
    }
}
