import Foundation
import Server

/// One malformed or out-of-place request and the status the server must answer with.
enum BadRequest: String, CaseIterable, Sendable, CustomStringConvertible {
    case garbageRequestLine
    case missingCSeq
    case unsupportedVersion
    case unknownMethod
    case describeUnknownPath
    case playUnknownSession
    case pauseRightAfterSetup
    case multicastOnly
    case setupOtherCameraInSession
    case oversizedBody

    var description: String { rawValue }

    /// The status RFC 2326 asks for.
    var expectedStatus: Int {
        switch self {
        case .garbageRequestLine, .missingCSeq: 400
        case .unsupportedVersion: 505
        case .unknownMethod: 501
        case .describeUnknownPath: 404
        case .playUnknownSession: 454
        case .pauseRightAfterSetup: 455
        case .multicastOnly: 461
        case .setupOtherCameraInSession: 459
        case .oversizedBody: 413
        }
    }

    /// The paths of the two cameras the requests need (`cam` is the one set up first).
    static let cameraPaths = ["cam", "cam2"]

    /// What the server answered to the bad request, and the CSeq that request carried (if any).
    struct Outcome {
        var reply: RTSPReply
        var cseq: Int?
    }

    /// Sends the bad request (after any good ones it needs) on `client` and reads the answer.
    func perform(on client: RawRTSPClient, server: CamsimServer) throws -> Outcome {
        let url = server.url(forPath: "cam")
        switch self {
        case .garbageRequestLine:
            try client.send("garbage\r\n\r\n")
            return Outcome(reply: try client.readResponse(), cseq: nil)
        case .missingCSeq:
            try client.send("OPTIONS \(url) RTSP/1.0\r\nUser-Agent: camsim-integration-tests\r\n\r\n")
            return Outcome(reply: try client.readResponse(), cseq: nil)
        case .unsupportedVersion:
            let cseq = client.takeCSeq()
            try client.send("OPTIONS \(url) RTSP/2.0\r\nCSeq: \(cseq)\r\n\r\n")
            return Outcome(reply: try client.readResponse(), cseq: cseq)
        case .unknownMethod:
            let cseq = client.nextCSeq
            return Outcome(reply: try client.request("FOO", url), cseq: cseq)
        case .describeUnknownPath:
            let cseq = client.nextCSeq
            return Outcome(reply: try client.request("DESCRIBE", server.url(forPath: "no/such/camera")), cseq: cseq)
        case .playUnknownSession:
            let cseq = client.nextCSeq
            return Outcome(reply: try client.request("PLAY", url + "/", headers: [("Session", "0123456789ABCDEF")]), cseq: cseq)
        case .pauseRightAfterSetup:
            let session = try setUpInterleaved(client, url)
            let cseq = client.nextCSeq
            return Outcome(reply: try client.request("PAUSE", url + "/", headers: [("Session", session)]), cseq: cseq)
        case .multicastOnly:
            let cseq = client.nextCSeq
            let reply = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;multicast")])
            return Outcome(reply: reply, cseq: cseq)
        case .setupOtherCameraInSession:
            let session = try setUpInterleaved(client, url)
            let cseq = client.nextCSeq
            let reply = try client.request(
                "SETUP", server.url(forPath: "cam2") + "/trackID=0",
                headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=2-3"), ("Session", session)])
            return Outcome(reply: reply, cseq: cseq)
        case .oversizedBody:
            return try sendOversizedBody(client, url)
        }
    }

    /// A good SETUP over TCP; returns the session id.
    private func setUpInterleaved(_ client: RawRTSPClient, _ url: String) throws -> String {
        let setup = try client.request(
            "SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
        guard setup.status == 200, let session = setup.header("Session") else {
            throw RawRTSPError.malformed("the SETUP needed first failed: \(setup)")
        }
        return RTSPHeaderValues.sessionID(session)
    }

    /// SET_PARAMETER with a 100 KB body, sent in pieces; stops sending as soon as the
    /// server answers (it may answer on the Content-Length alone and close).
    private func sendOversizedBody(_ client: RawRTSPClient, _ url: String) throws -> Outcome {
        let cseq = client.takeCSeq()
        let size = 100 * 1024
        try client.send(
            "SET_PARAMETER \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\nContent-Type: text/parameters\r\nContent-Length: \(size)\r\n\r\n")
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 8192)
        var sent = 0
        while sent < size, !client.hasIncomingData(timeoutSeconds: 0.05) {
            do {
                try client.send(bytes: Array(piece.prefix(size - sent)))
            } catch {
                break  // The server stopped reading: its answer should be waiting.
            }
            sent += piece.count
        }
        return Outcome(reply: try client.readResponse(), cseq: cseq)
    }
}
