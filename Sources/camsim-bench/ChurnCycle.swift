import Foundation

/// One churn cycle against a running server, on blocking loopback sockets: connect,
/// DESCRIBE, SETUP, PLAY, wait for the first media packet, then TEARDOWN and close,
/// or vanish without TEARDOWN as a crashed client would: a plain close, or a reset.
struct ChurnCycle {
    enum Transport: String { case tcp, udp }
    enum Ending: String {
        case teardown
        /// No TEARDOWN: the socket closes, with a reset when `reset`.
        case vanish
    }

    let port: Int
    let url: String
    let transport: Transport
    let ending: Ending
    /// For `vanish`: close with a reset (SO_LINGER 0) rather than a FIN.
    var reset = true

    /// Runs the cycle; `udp` is the client's RTP/RTCP pair, reused from cycle to cycle.
    func run(udp: UDPPortPair) throws {
        let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 10)
        var closed = false
        defer { if !closed { socket.close() } }
        try expectOK(socket.request("DESCRIBE \(url) RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n"), "DESCRIBE")
        let transportHeader = transport == .tcp
            ? "RTP/AVP/TCP;unicast;interleaved=0-1"
            : "RTP/AVP;unicast;client_port=\(udp.rtpPort)-\(udp.rtpPort + 1)"
        let setup = try socket.request("SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: \(transportHeader)\r\n\r\n")
        try expectOK(setup, "SETUP")
        guard let session = setup.header("Session")?.split(separator: ";").first else {
            throw BenchError.protocolError("SETUP reply without a Session")
        }
        if transport == .udp { udp.drain() }
        try expectOK(socket.request("PLAY \(url)/ RTSP/1.0\r\nCSeq: 3\r\nSession: \(session)\r\nRange: npt=0.000-\r\n\r\n"), "PLAY")
        switch transport {
        case .tcp:
            guard try socket.readInterleaved() != nil else { throw BenchError.protocolError("no interleaved RTP after PLAY") }
        case .udp:
            guard udp.receiveRTP() else { throw BenchError.protocolError("no UDP RTP after PLAY") }
        }
        switch ending {
        case .teardown:
            try expectOK(socket.request("TEARDOWN \(url)/ RTSP/1.0\r\nCSeq: 4\r\nSession: \(session)\r\n\r\n"), "TEARDOWN")
        case .vanish:
            if reset { socket.abort() } else { socket.close() }
            closed = true
        }
    }

    /// The bare baseline: connect, OPTIONS, close.
    static func options(port: Int, url: String) throws {
        let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 10)
        defer { socket.close() }
        try expectOK(socket.request("OPTIONS \(url) RTSP/1.0\r\nCSeq: 1\r\n\r\n"), "OPTIONS")
    }

    private static func expectOK(_ reply: LoopbackSocket.Reply, _ method: String) throws {
        guard reply.status == 200 else {
            throw BenchError.protocolError("\(method) answered \(reply.head.split(separator: "\r\n").first ?? "")")
        }
    }

    private func expectOK(_ reply: LoopbackSocket.Reply, _ method: String) throws {
        try Self.expectOK(reply, method)
    }
}
