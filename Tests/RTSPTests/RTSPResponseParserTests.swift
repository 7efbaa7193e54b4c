import Testing
@testable import RTSP

@Suite struct RTSPResponseParserTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func events(_ chunks: [ArraySlice<UInt8>], limits: RTSPParserLimits = .default) -> [RTSPResponseEvent] {
        var parser = RTSPResponseParser(limits: limits)
        var events: [RTSPResponseEvent] = []
        for chunk in chunks {
            parser.append(chunk)
            while let event = parser.next() { events.append(event) }
        }
        return events
    }

    static func events(_ stream: [UInt8], limits: RTSPParserLimits = .default) -> [RTSPResponseEvent] {
        events([stream[...]], limits: limits)
    }

    /// What a server sends a playing client over TCP: an HTTP tunnel reply, responses with
    /// and without bodies, interleaved RTP and RTCP between them (one frame holding CRLF
    /// and `$` bytes), a reason phrase with spaces, one without a reason, a bare-LF response
    /// and a folded header (RFC 2326 §7, §10.12).
    static let stream: [UInt8] =
        bytes("HTTP/1.0 200 OK\r\nContent-Type: application/x-rtsp-tunnelled\r\n\r\n")
        + bytes("RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n")
        + bytes("RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Base: rtsp://h/c/\r\nContent-Type: application/sdp\r\n")
        + bytes("Content-Length: 13\r\n\r\nv=0\r\ns=x\r\n$\r\n")
        + RTSPMessageParserTests.frame(0, [0x80, 0x60, 0x0D, 0x0A, 0x24, 0x00])
        + RTSPMessageParserTests.frame(1, Array(repeating: 0x81, count: 300))
        + bytes("RTSP/1.0 454 Session Not Found\r\nCSeq: 3\r\n\r\n")
        + bytes("RTSP/1.0 200\r\nCSeq: 4\r\nSession: abc\r\n ;timeout=60\r\n\r\n")
        + bytes("RTSP/1.0 302 Moved Temporarily\nCSeq: 5\nLocation: rtsp://other/c\n\n")
        + RTSPMessageParserTests.frame(2, [])

    static let expected: [RTSPResponseEvent] = [
        .response(RTSPResponse(version: .http10, status: .ok, headers: ["Content-Type": "application/x-rtsp-tunnelled"])),
        .response(RTSPResponse(status: .ok, headers: ["CSeq": "1", "Public": "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN"])),
        .response(RTSPResponse(
            status: .ok,
            headers: ["CSeq": "2", "Content-Base": "rtsp://h/c/", "Content-Type": "application/sdp", "Content-Length": "13"],
            body: bytes("v=0\r\ns=x\r\n$\r\n"))),
        .interleaved(channel: 0, payload: [0x80, 0x60, 0x0D, 0x0A, 0x24, 0x00]),
        .interleaved(channel: 1, payload: Array(repeating: 0x81, count: 300)),
        .response(RTSPResponse(status: .sessionNotFound, headers: ["CSeq": "3"])),
        .response(RTSPResponse(status: RTSPStatus(code: 200, reasonPhrase: ""), headers: ["CSeq": "4", "Session": "abc ;timeout=60"])),
        .response(RTSPResponse(status: RTSPStatus(code: 302), headers: ["CSeq": "5", "Location": "rtsp://other/c"])),
        .interleaved(channel: 2, payload: []),
    ]

    @Test func streamFedWhole() {
        #expect(Self.events(Self.stream) == Self.expected)
    }

    @Test func streamSplitAtEveryByte() {
        for cut in 0...Self.stream.count {
            let events = Self.events([Self.stream[..<cut], Self.stream[cut...]])
            #expect(events == Self.expected, "split at \(cut)")
            if events != Self.expected { break }
        }
    }

    @Test func streamOneByteAtATime() {
        #expect(Self.events(Self.stream.indices.map { Self.stream[$0...$0] }) == Self.expected)
    }

    /// Status-line byte vectors (RFC 2326 §7.1).
    static let statusLines: [(String, RTSPStatus, RTSPVersion)] = [
        ("RTSP/1.0 200 OK", .ok, .rtsp10),
        ("RTSP/1.0 401 Unauthorized", .unauthorized, .rtsp10),
        ("RTSP/1.0  404   Not Found ", .notFound, .rtsp10),
        ("RTSP/1.0\t461 Unsupported transport", .unsupportedTransport, .rtsp10),
        ("RTSP/2.0 200 OK", .ok, RTSPVersion(major: 2, minor: 0)),
        ("RTSP/1.0 551 Option not supported", .optionNotSupported, .rtsp10),
        ("RTSP/1.0 299 Custom Thing", RTSPStatus(code: 299, reasonPhrase: "Custom Thing"), .rtsp10),
    ]

    @Test(arguments: statusLines)
    func statusLinesParse(line: String, status: RTSPStatus, version: RTSPVersion) {
        #expect(Self.events(Self.bytes(line + "\r\n\r\n")) == [.response(RTSPResponse(version: version, status: status))])
    }

    static let malformed: [(String, RTSPParseError)] = [
        ("RTSP/1.0\r\n\r\n", .malformedStatusLine(excerpt: "RTSP/1.0")),
        ("RTSP/1.0 20 OK\r\n\r\n", .malformedStatusLine(excerpt: "RTSP/1.0 20 OK")),
        ("RTSP/1.0 2000 OK\r\n\r\n", .malformedStatusLine(excerpt: "RTSP/1.0 2000 OK")),
        ("RTSP/1.0 099 Low\r\n\r\n", .malformedStatusLine(excerpt: "RTSP/1.0 099 Low")),
        ("RTSP/1.0 OK 200\r\n\r\n", .malformedStatusLine(excerpt: "RTSP/1.0 OK 200")),
        ("RTSP/one 200 OK\r\n\r\n", .invalidVersion("RTSP/one")),
        ("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n", .invalidVersion("OPTIONS")),
        ("RTSP/1.0 200 OK\r\nNoColon\r\nContent-Length: 3\r\n\r\nabc", .malformedHeader(excerpt: "NoColon")),
    ]

    /// A malformed response is skipped whole and the next one parses.
    @Test(arguments: malformed)
    func malformedResponsesAreSkipped(text: String, error: RTSPParseError) {
        let events = Self.events(Self.bytes(text + "RTSP/1.0 200 OK\r\nCSeq: 9\r\n\r\n"))
        #expect(events == [.malformed(error), .response(RTSPResponse(status: .ok, headers: ["CSeq": "9"]))])
        #expect(error.isRecoverable)
    }

    static let small = RTSPParserLimits(
        maximumRequestLineLength: 32, maximumHeaderLineLength: 24, maximumHeaderCount: 3,
        maximumHeaderBlockLength: 60, maximumBodyLength: 10)

    /// The named limits hold for responses as for requests, and end the stream.
    static let fatal: [(String, RTSPParseError)] = [
        ("RTSP/1.0 200 " + String(repeating: "O", count: 40) + "\r\n\r\n", .statusLineTooLong(limit: 32)),
        ("RTSP/1.0 200 OK\r\nX: " + String(repeating: "v", count: 30) + "\r\n\r\n", .headerLineTooLong(limit: 24)),
        ("RTSP/1.0 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", .tooManyHeaders(limit: 3)),
        ("RTSP/1.0 200 OK\r\nContent-Length: 11\r\n\r\n", .bodyTooLarge(length: 11, limit: 10)),
        ("RTSP/1.0 200 OK\r\nContent-Length: x\r\n\r\n", .invalidContentLength(value: "x")),
    ]

    @Test(arguments: fatal)
    func limitsEndTheStream(text: String, error: RTSPParseError) {
        var parser = RTSPResponseParser(limits: Self.small)
        parser.append(Self.bytes(text + "RTSP/1.0 200 OK\r\n\r\n"))
        #expect(parser.next() == .malformed(error))
        #expect(parser.next() == nil)
        #expect(parser.hasFailed)
        #expect(!error.isRecoverable)
    }

    /// Responses written by `RTSPResponse.serialize` parse back to themselves.
    static let roundTrip: [RTSPResponse] = [
        RTSPResponse(status: .ok, headers: ["CSeq": "1", "Public": "OPTIONS, DESCRIBE"]),
        RTSPResponse(status: .ok, headers: ["CSeq": "2", "Content-Type": "application/sdp"], body: bytes("v=0\r\n")),
        RTSPResponse(status: .unauthorized, headers: ["CSeq": "3", "WWW-Authenticate": "Digest realm=\"r\", nonce=\"n\""]),
        RTSPResponse(status: RTSPStatus(code: 302), headers: ["CSeq": "4", "Location": "rtsp://h:1/x"]),
        RTSPResponse(version: .http10, status: .ok, headers: ["Content-Type": "application/x-rtsp-tunnelled"]),
    ]

    @Test func serializedResponsesRoundTrip() {
        for response in Self.roundTrip {
            var expected = response
            if !response.body.isEmpty { expected.headers.set("Content-Length", String(response.body.count)) }
            let serialized = response.serialize()
            #expect(Self.events(serialized) == [.response(expected)])
            #expect(Self.events(serialized.indices.map { serialized[$0...$0] }) == [.response(expected)])
            if case .response(let reparsed)? = Self.events(serialized).first {
                #expect(reparsed.serialize() == serialized)
            }
        }
    }
}
