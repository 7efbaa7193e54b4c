import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One RTSP response as read off the wire.
struct RTSPReply: CustomStringConvertible {
    var version: String
    var status: Int
    var reason: String
    /// Header fields in arrival order, names as sent.
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    /// The status line and header block, for failure messages.
    var head: String

    /// The first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    var description: String { head + bodyText }
}

/// One `$`-framed interleaved packet (RFC 2326 §10.12).
struct InterleavedFrame {
    var channel: UInt8
    var payload: [UInt8]
}

enum RawRTSPError: Error, CustomStringConvertible {
    case connectFailed(Int32)
    case sendFailed(Int32)
    case timedOut(String)
    case closedByPeer(String)
    case malformed(String)

    var description: String {
        switch self {
        case .connectFailed(let errno): "connect failed: errno \(errno)"
        case .sendFailed(let errno): "send failed: errno \(errno)"
        case .timedOut(let what): "timed out waiting for \(what)"
        case .closedByPeer(let what): "connection closed by the server while waiting for \(what)"
        case .malformed(let what): "malformed data from the server: \(what)"
        }
    }
}

/// A deliberately plain RTSP client on a blocking POSIX TCP socket to 127.0.0.1 (or ::1), for
/// sending exact bytes and reading exact responses and interleaved frames. Every read
/// has a deadline.
final class RawRTSPClient {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var pendingResponses: [RTSPReply] = []
    private var pendingFrames: [InterleavedFrame] = []
    private var peerClosed = false
    /// The CSeq `request` will send next.
    private(set) var nextCSeq = 1
    /// The default wait for one response or frame.
    var timeoutSeconds: Double

    init(port: Int, family: LoopbackFamily = .ipv4, timeoutSeconds: Double = 10) throws {
        self.timeoutSeconds = timeoutSeconds
        fd = try LoopbackSockets.connectTCP(port: port, family: family)
    }

    /// A client on a socket connected already (one end of a socket pair, say); it closes it.
    init(connectedSocket: Int32, timeoutSeconds: Double = 10) {
        self.timeoutSeconds = timeoutSeconds
        fd = connectedSocket
    }

    deinit { Glibc.close(fd) }

    // MARK: - Sending

    /// Sends raw bytes, without SIGPIPE if the server has closed.
    func send(bytes: [UInt8]) throws {
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

    /// Sends `text` as UTF-8, exactly as given.
    func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    /// Sends `METHOD url RTSP/1.0` with a fresh CSeq, the given headers and body, and
    /// returns the next response.
    @discardableResult
    func request(
        _ method: String, _ url: String, headers: [(String, String)] = [], body: String = ""
    ) throws -> RTSPReply {
        let cseq = nextCSeq
        nextCSeq += 1
        var text = "\(method) \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\nUser-Agent: camsim-integration-tests\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + body
        try send(text)
        return try readResponse()
    }

    /// Makes the close a reset (SO_LINGER 0), as a crashed client's would be; the
    /// socket closes when the client is released.
    func resetOnClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }

    /// Takes the next CSeq without sending anything (for hand-written requests).
    func takeCSeq() -> Int {
        defer { nextCSeq += 1 }
        return nextCSeq
    }

    // MARK: - Receiving

    /// The next RTSP response; interleaved frames that arrive first are kept for `readFrame`.
    func readResponse(timeoutSeconds: Double? = nil) throws -> RTSPReply {
        let deadline = Date().addingTimeInterval(timeoutSeconds ?? self.timeoutSeconds)
        while pendingResponses.isEmpty {
            try fill(until: deadline, waitingFor: "an RTSP response")
        }
        return pendingResponses.removeFirst()
    }

    /// The next interleaved frame; responses that arrive first are kept for `readResponse`.
    func readFrame(timeoutSeconds: Double? = nil) throws -> InterleavedFrame {
        let deadline = Date().addingTimeInterval(timeoutSeconds ?? self.timeoutSeconds)
        while pendingFrames.isEmpty {
            try fill(until: deadline, waitingFor: "an interleaved frame")
        }
        return pendingFrames.removeFirst()
    }

    /// Frames received so far and not yet read, without waiting.
    func drainFrames() -> [InterleavedFrame] {
        defer { pendingFrames.removeAll() }
        return pendingFrames
    }

    /// True when the server has data for us right now (or closed), without reading it.
    func hasIncomingData(timeoutSeconds: Double = 0) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, Int32(timeoutSeconds * 1000)) > 0
    }

    /// True once the server has closed the connection (reads until EOF or the deadline).
    func waitForClose(timeoutSeconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while !peerClosed {
            do { try fill(until: deadline, waitingFor: "close") } catch { return peerClosed }
        }
        return true
    }

    /// Reads once from the socket (waiting until `deadline`) and parses whatever is complete.
    private func fill(until deadline: Date, waitingFor what: String) throws {
        if peerClosed { throw RawRTSPError.closedByPeer(what) }
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw RawRTSPError.timedOut(what) }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, min(remaining, 1) * 1000)))
        if ready < 0 {
            if errno == EINTR { return }
            throw RawRTSPError.closedByPeer(what)
        }
        if ready == 0 { return }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == EINTR || errno == EAGAIN { return }
            peerClosed = true
            throw RawRTSPError.closedByPeer(what)
        }
        if count == 0 {
            // Whatever arrived before the close can still be read; the next fill throws.
            peerClosed = true
            try parseBuffered()
            return
        }
        buffer.append(contentsOf: chunk[0..<count])
        try parseBuffered()
    }

    /// Moves every complete response and frame out of `buffer`.
    private func parseBuffered() throws {
        while !buffer.isEmpty {
            if buffer[0] == UInt8(ascii: "$") {
                guard buffer.count >= 4 else { return }
                let length = Int(buffer[2]) << 8 | Int(buffer[3])
                guard buffer.count >= 4 + length else { return }
                pendingFrames.append(InterleavedFrame(channel: buffer[1], payload: Array(buffer[4..<(4 + length)])))
                buffer.removeFirst(4 + length)
                continue
            }
            guard let end = headerEnd() else { return }
            let head = String(decoding: buffer[0..<end], as: UTF8.self)
            var reply = try parseHead(head)
            let length = Int(reply.header("Content-Length")?.trimmingCharacters(in: .whitespaces) ?? "0") ?? 0
            guard buffer.count >= end + length else { return }
            reply.body = Array(buffer[end..<(end + length)])
            buffer.removeFirst(end + length)
            pendingResponses.append(reply)
        }
    }

    /// The index just past the first CRLFCRLF, if the header block is complete.
    private func headerEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    private func parseHead(_ head: String) throws -> RTSPReply {
        let lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let statusLine = lines.first else { throw RawRTSPError.malformed("empty response") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        // HTTP/ too: the reply that opens the GET half of an HTTP tunnel.
        guard parts.count >= 2, parts[0].hasPrefix("RTSP/") || parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw RawRTSPError.malformed("status line \(statusLine.debugDescription)")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                throw RawRTSPError.malformed("header line \(line.debugDescription)")
            }
            headers.append((
                String(line[..<colon]),
                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            ))
        }
        return RTSPReply(
            version: String(parts[0]), status: status, reason: parts.count > 2 ? String(parts[2]) : "",
            headers: headers, body: [], head: head)
    }
}
