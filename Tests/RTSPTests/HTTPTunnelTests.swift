import Foundation
import Testing
@testable import RTSP

@Suite struct HTTPTunnelHandshakeTests {
    static let get = "GET /cam HTTP/1.0\r\nx-sessioncookie: a1b2c3\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n"
    static let post = "POST /cam HTTP/1.0\r\nx-sessioncookie: a1b2c3\r\nContent-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\nT1BUSU9OUyA="

    @Test func getOpensTheServerToClientHalf() {
        guard case .handshake(let handshake, let consumed) = HTTPTunnelHandshake.parse(Array(Self.get.utf8)) else {
            Issue.record("not a handshake")
            return
        }
        #expect(handshake.method == .get && handshake.path == "/cam" && handshake.sessionCookie == "a1b2c3")
        #expect(consumed == Self.get.utf8.count)
    }

    @Test func postStopsAtItsHeaderBlockWithoutWaitingForTheBody() {
        guard case .handshake(let handshake, let consumed) = HTTPTunnelHandshake.parse(Array(Self.post.utf8)) else {
            Issue.record("not a handshake")
            return
        }
        #expect(handshake.method == .post)
        #expect(Array(Self.post.utf8)[consumed...].elementsEqual("T1BUSU9OUyA=".utf8))
    }

    @Test func everyPrefixOfTheHandshakeAsksForMore() {
        let bytes = Array(Self.get.utf8)
        // The CR of the final CRLF already ends the header block; its LF may follow later.
        for end in 1..<(bytes.count - 1) {
            #expect(HTTPTunnelHandshake.parse(bytes[..<end]) == .needMore, "prefix of \(end) bytes")
        }
        guard case .handshake(_, let consumed) = HTTPTunnelHandshake.parse(bytes.dropLast()) else {
            Issue.record("the final CR did not end the header block")
            return
        }
        #expect(consumed == bytes.count - 1)
    }

    /// The GET and POST handshakes with each line ending RFC 2326 §4 allows for RTSP, the
    /// bytes the header block takes, and the base64 left after it.
    static let lineEndings: [(String, String)] = [("CRLF", "\r\n"), ("LF", "\n"), ("CR", "\r")]

    @Test(arguments: lineEndings)
    func everyLineEndingEndsTheHeaderBlock(name: String, ending: String) {
        for (text, method) in [(Self.get, HTTPTunnelHandshake.Method.get), (Self.post, .post)] {
            let rewritten = text.replacingOccurrences(of: "\r\n", with: ending)
            let bytes = Array(rewritten.utf8)
            guard case .handshake(let handshake, let consumed) = HTTPTunnelHandshake.parse(bytes) else {
                Issue.record("\(name) \(method): no handshake")
                continue
            }
            #expect(handshake.method == method && handshake.sessionCookie == "a1b2c3", "\(name)")
            #expect(handshake.headers.count == (method == .get ? 2 : 3), "\(name)")
            let rest = method == .get ? "" : "T1BUSU9OUyA="
            #expect(String(decoding: bytes[consumed...], as: UTF8.self) == rest, "\(name) \(method)")
        }
    }

    @Test(arguments: ["OPTIONS * RTSP/1.0\r\n", "GET_PARAMETER rtsp://h/c RTSP/1.0\r\n", "GET /x RTSP/1.0\r\nCSeq: 1\r\n\r\n", "$\u{0}\u{0}\u{4}"])
    func rtspIsNotATunnel(text: String) {
        #expect(HTTPTunnelHandshake.parse(Array(text.utf8)) == .notATunnel)
    }

    @Test func aTunnelNeedsACookie() {
        guard case .invalid = HTTPTunnelHandshake.parse(Array("GET /cam HTTP/1.0\r\nAccept: */*\r\n\r\n".utf8)) else {
            Issue.record("accepted a tunnel without x-sessioncookie")
            return
        }
    }
}

@Suite struct Base64StreamDecoderTests {
    static let requests = ["OPTIONS rtsp://h/cam RTSP/1.0\r\nCSeq: 1\r\n\r\n", "DESCRIBE rtsp://h/cam RTSP/1.0\r\nCSeq: 2\r\n\r\n"]
    /// Each request encoded on its own, as tunnelling clients do: padding mid-stream.
    static let encoded = Array(requests.map { Data($0.utf8).base64EncodedString() }.joined().utf8)

    @Test func decodesConcatenatedPaddedBlocksSplitAtEveryBoundary() {
        let expected = Array(Self.requests.joined().utf8)
        for split in 0...Self.encoded.count {
            var decoder = Base64StreamDecoder()
            let decoded = decoder.decode(Self.encoded[..<split]) + decoder.decode(Self.encoded[split...])
            #expect(decoded == expected, "split at \(split)")
        }
        var byteAtATime = Base64StreamDecoder()
        #expect(Self.encoded.flatMap { byteAtATime.decode([$0]) } == expected)
    }

    @Test func strayCharactersMakeTheStreamInvalid() {
        var decoder = Base64StreamDecoder()
        // What came before the stray character is still delivered; nothing after it is.
        #expect(decoder.decode(Array("T1BU*".utf8)) == Array("OPT".utf8))
        #expect(decoder.isInvalid)
        #expect(decoder.decode(Array("SU9OUw==".utf8)).isEmpty)
        #expect(decoder.isInvalid)
    }
}
