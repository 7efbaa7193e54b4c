import Foundation
import RTSP

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

extension RTSPReply {
    /// A response read by `RTSPResponseParser`, with its head written back for messages.
    init(_ response: RTSPResponse) {
        let fields = response.headers.fields.map { (name: $0.name, value: $0.value) }
        var head = "\(response.version.serialized) \(response.status.code) \(response.status.reasonPhrase)\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        head += "\r\n"
        self.init(
            version: response.version.serialized, status: response.status.code, reason: response.status.reasonPhrase,
            headers: fields, body: response.body, head: head)
    }
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
    /// The client module's response parser: this client only picks the bytes it sends.
    private var parser = RTSPResponseParser()
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
        parser.append(chunk[0..<count])
        try parseBuffered()
    }

    /// Moves every complete response and frame out of the parser (RFC 2326 §7, §10.12).
    private func parseBuffered() throws {
        while let event = parser.next() {
            switch event {
            case .response(let response):
                pendingResponses.append(RTSPReply(response))
            case .interleaved(let channel, let payload):
                pendingFrames.append(InterleavedFrame(channel: channel, payload: payload))
            case .malformed(let error):
                throw RawRTSPError.malformed("\(error)")
            }
        }
    }
}
