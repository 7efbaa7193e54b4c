import Foundation
import RTSP

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
    /// The client module's response parser; frames that come before a response wait in `frames`.
    private var parser = RTSPResponseParser()
    private var frames: [InterleavedFrame] = []
    private var failure: String?
    private var closed = false
    private var cseq = 1

    init(port: Int, receiveBufferBytes: Int? = nil) throws {
        socket = try ViewerSocket(port: port, receiveBufferBytes: receiveBufferBytes)
    }

    /// DESCRIBE, SETUP over TCP-interleaved channels 0-1, PLAY; throws unless each answers 200.
    /// A `query` (`loss=20`) asks for the viewer's own faults.
    func play(_ url: String, query: String = "") throws {
        let suffix = query.isEmpty ? "" : "?" + query
        _ = try request("DESCRIBE", url + suffix, headers: [("Accept", "application/sdp")])
        let setup = try request(
            "SETUP", url + "/trackID=0" + suffix, headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
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
            case .bytes(let bytes): parser.append(bytes)
            case .endOfStream, .failed: closed = true
            case .timedOut: break
            }
        }
    }

    /// The next complete response, if one was parsed; frames before it are kept.
    private func takeResponse() -> RTSPReply? {
        while let event = parser.next() {
            switch event {
            case .response(let response): return RTSPReply(response)
            case .interleaved(let channel, let payload): frames.append(InterleavedFrame(channel: channel, payload: payload))
            case .malformed(let error): failure = "\(error)"
            }
        }
        return nil
    }

    /// The next interleaved frame, or how the connection ended, waiting at most `timeoutSeconds`.
    /// Anything after PLAY that is not `$`-framed is reported as a failure.
    func nextEvent(timeoutSeconds: Double) -> Event {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            if !frames.isEmpty { return .frame(frames.removeFirst()) }
            if let failure { return .failed(failure) }
            while let event = parser.next() {
                switch event {
                case .interleaved(let channel, let payload): return .frame(InterleavedFrame(channel: channel, payload: payload))
                case .response(let response): return .failed("unexpected response after PLAY: \(response.status)")
                case .malformed(let error): return .failed("unexpected bytes after PLAY: \(error)")
                }
            }
            if closed { return parser.isBetweenMessages ? .endOfStream : .failed("connection ended inside a frame") }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .timedOut }
            switch socket.read(timeoutSeconds: remaining) {
            case .bytes(let bytes): parser.append(bytes)
            case .endOfStream: closed = true
            case .failed(let error): return .failed("recv failed: errno \(error)")
            case .timedOut: return .timedOut
            }
        }
    }
}
