import Foundation

/// A TCP-interleaved RTSP viewer on a `ViewerSocket`: DESCRIBE, SETUP (channels 0-1) and
/// PLAY, then a stream of events — interleaved frames, a clean end of stream, or an
/// error — so a test can tell exactly how its session ended.
final class InterleavedViewer {
    /// What the connection delivered next.
    enum Event {
        case frame(InterleavedFrame)
        case endOfStream
        case failed(String)
        case timedOut
    }

    let socket: ViewerSocket
    private var buffer: [UInt8] = []
    private var closed = false
    private var cseq = 1

    init(port: Int, receiveBufferBytes: Int? = nil) throws {
        socket = try ViewerSocket(port: port, receiveBufferBytes: receiveBufferBytes)
    }

    /// DESCRIBE, SETUP over TCP-interleaved channels 0-1, PLAY; throws unless each answers 200.
    func play(_ url: String) throws {
        _ = try request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
        let setup = try request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
        guard let session = setup.header("Session") else {
            throw RawRTSPError.malformed("SETUP reply has no Session: \(setup)")
        }
        let id = RTSPHeaderValues.sessionID(session)
        _ = try request("PLAY", url + "/", headers: [("Session", id), ("Range", "npt=0.000-")])
    }

    /// Sends one request and reads its response (before PLAY nothing else arrives); throws
    /// unless the status is 200.
    private func request(_ method: String, _ url: String, headers: [(String, String)]) throws -> RTSPReply {
        var text = "\(method) \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\nUser-Agent: camsim-integration-tests\r\n"
        cseq += 1
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        try socket.send(text + "\r\n")
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let reply = takeResponse() {
                guard reply.status == 200 else { throw RawRTSPError.malformed("\(method) answered \(reply)") }
                return reply
            }
            guard !closed else { throw RawRTSPError.closedByPeer("the \(method) response") }
            guard deadline.timeIntervalSinceNow > 0 else { throw RawRTSPError.timedOut("the \(method) response") }
            switch socket.read(timeoutSeconds: deadline.timeIntervalSinceNow) {
            case .bytes(let bytes): buffer += bytes
            case .endOfStream, .failed: closed = true
            case .timedOut: break
            }
        }
    }

    /// The complete response at the start of `buffer`, removed from it; nil if incomplete.
    private func takeResponse() -> RTSPReply? {
        guard buffer.count >= 4,
              let end = (0...(buffer.count - 4)).first(where: { buffer[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) })
        else { return nil }
        let head = String(decoding: buffer[0..<(end + 4)], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusParts = (lines.first ?? "").split(separator: " ", maxSplits: 2)
        let headers: [(name: String, value: String)] = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        var reply = RTSPReply(
            version: statusParts.first.map(String.init) ?? "", status: statusParts.count > 1 ? Int(statusParts[1]) ?? 0 : 0,
            reason: statusParts.count > 2 ? String(statusParts[2]) : "", headers: headers, body: [], head: head)
        let length = Int(reply.header("Content-Length") ?? "0") ?? 0
        guard buffer.count >= end + 4 + length else { return nil }
        reply.body = Array(buffer[(end + 4)..<(end + 4 + length)])
        buffer.removeFirst(end + 4 + length)
        return reply
    }

    /// The next interleaved frame, or how the connection ended, waiting at most `timeoutSeconds`.
    /// Anything after PLAY that is not `$`-framed is reported as a failure.
    func nextEvent(timeoutSeconds: Double) -> Event {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            if let first = buffer.first {
                guard first == UInt8(ascii: "$") else {
                    return .failed("unexpected bytes after PLAY: \(buffer.prefix(16).map { String($0, radix: 16) })")
                }
                if buffer.count >= 4 {
                    let length = Int(buffer[2]) << 8 | Int(buffer[3])
                    if buffer.count >= 4 + length {
                        let frame = InterleavedFrame(channel: buffer[1], payload: Array(buffer[4..<(4 + length)]))
                        buffer.removeFirst(4 + length)
                        return .frame(frame)
                    }
                }
            }
            if closed { return buffer.isEmpty ? .endOfStream : .failed("connection ended inside a frame") }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .timedOut }
            switch socket.read(timeoutSeconds: remaining) {
            case .bytes(let bytes): buffer += bytes
            case .endOfStream: closed = true
            case .failed(let error): return .failed("recv failed: errno \(error)")
            case .timedOut: return .timedOut
            }
        }
    }
}
