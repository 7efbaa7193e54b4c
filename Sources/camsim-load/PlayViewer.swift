import Glibc

/// One RTSP viewer of the play load: DESCRIBE, SETUP with RTP/AVP/TCP interleaved,
/// PLAY (RFC 2326 §10.2, §10.4, §10.5, §10.12), then a tally of the RTP it receives.
struct PlayViewer {
    enum Phase: Equatable {
        case connecting, describing, settingUp, starting, playing
        /// Gone: failed before it played, or closed by the server after.
        case failed, closed
    }

    var fd: Int32
    let camera: Int
    let url: String
    /// Whether the viewer also sets up the audio track (`trackID=1`, channels 2-3).
    let audio: Bool
    var phase = Phase.connecting
    var replies = ReplyReader()
    var scanner = InterleavedScanner()
    var tally = SequenceTally()
    /// The audio track's packets, tallied apart from the video's.
    var audioTally = SequenceTally()
    /// Set once the audio track's SETUP was sent.
    private var audioSetUp = false
    var failure: String?
    private var cSeq = 0

    init(fd: Int32, camera: Int, url: String, audio: Bool = false) {
        self.fd = fd
        self.camera = camera
        self.url = url
        self.audio = audio
    }

    var isSettingUp: Bool { phase != .playing && phase != .failed && phase != .closed }

    /// The socket finished connecting: ask for the description.
    mutating func connected() {
        let error = LoopbackConnect.pendingError(fd)
        guard error == 0 else { return fail("connect: errno \(error)") }
        send("DESCRIBE \(url) RTSP/1.0", ["Accept: application/sdp"], next: .describing)
    }

    /// Bytes that arrived while setting up: replies move the exchange on; bytes after
    /// PLAY's reply are already media. Returns those media bytes, if any.
    mutating func receiveWhileSettingUp(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        replies.append(bytes)
        while phase != .failed {
            switch replies.next() {
            case .needMore: return []
            case .malformed(let reason): fail(reason)
            case .reply(let reply):
                guard reply.status == 200 else {
                    fail("\(phaseName) answered \(reply.status)")
                    break
                }
                switch phase {
                case .describing:
                    send("SETUP \(url)/trackID=0 RTSP/1.0", ["Transport: RTP/AVP/TCP;unicast;interleaved=0-1"], next: .settingUp)
                case .settingUp:
                    guard let session = reply.session else {
                        fail("SETUP answered without a Session")
                        return []
                    }
                    if audio, !audioSetUp {
                        audioSetUp = true
                        send("SETUP \(url)/trackID=1 RTSP/1.0", [
                            "Transport: RTP/AVP/TCP;unicast;interleaved=2-3", "Session: \(session)",
                        ], next: .settingUp)
                        break
                    }
                    send("PLAY \(url)/ RTSP/1.0", ["Session: \(session)", "Range: npt=0.000-"], next: .starting)
                case .starting:
                    phase = .playing
                    return replies.takeRest()
                default:
                    return []
                }
            }
        }
        return []
    }

    mutating func fail(_ reason: String) {
        failure = reason
        phase = .failed
    }

    private var phaseName: String {
        switch phase {
        case .describing: "DESCRIBE"
        case .settingUp: "SETUP"
        case .starting: "PLAY"
        default: "\(phase)"
        }
    }

    private mutating func send(_ requestLine: String, _ headers: [String], next: Phase) {
        cSeq += 1
        let text = ([requestLine, "CSeq: \(cSeq)", "User-Agent: camsim-load"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
        guard LoopbackConnect.send(fd, Array(text.utf8)) else { return fail("send: errno \(errno)") }
        phase = next
    }
}
