import Testing
@testable import RTSP

@Suite struct RTSPMessageParserTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func frame(_ channel: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [UInt8(ascii: "$"), channel, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
    }

    /// Every event the parser yields after being fed `chunks` one after another.
    static func events(_ chunks: [ArraySlice<UInt8>], limits: RTSPParserLimits = .default) -> [RTSPParseEvent] {
        var parser = RTSPMessageParser(limits: limits)
        var events: [RTSPParseEvent] = []
        for chunk in chunks {
            parser.append(chunk)
            while let event = parser.next() { events.append(event) }
        }
        return events
    }

    static func events(_ stream: [UInt8], limits: RTSPParserLimits = .default) -> [RTSPParseEvent] {
        events([stream[...]], limits: limits)
    }

    /// Requests with and without bodies, interleaved frames (one of them with CR/LF bytes in its
    /// payload), blank lines between messages, a bare-LF request, a folded header and a
    /// recoverable malformed message.
    static let mixedStream: [UInt8] =
        bytes("OPTIONS rtsp://cam/1 RTSP/1.0\r\nCSeq: 1\r\n\r\n")
        + frame(0, [0x80, 0x60, 0x0D, 0x0A, 0x24, 0x00])
        + bytes("\r\n\r\nSET_PARAMETER rtsp://cam/1 RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 11\r\n\r\n$\r\nbody\r\n!!")
        + frame(1, [])
        + frame(255, Array(repeating: 0xAB, count: 300))
        + bytes("GET_PARAMETER rtsp://cam/1 RTSP/1.0\nCSeq: 3\nSession: abc\n  ;timeout=60\n\n")
        + bytes("BROKEN LINE\r\nCSeq: 4\r\nContent-Length: 3\r\n\r\nxyz")
        + bytes("PLAY rtsp://cam/1 RTSP/1.0\r\nCSeq: 5\r\nRange: npt=0-\r\n\r\n")

    static let mixedExpected: [RTSPParseEvent] = [
        .request(RTSPRequest(method: .options, uri: "rtsp://cam/1", headers: ["CSeq": "1"])),
        .interleaved(channel: 0, payload: [0x80, 0x60, 0x0D, 0x0A, 0x24, 0x00]),
        .request(RTSPRequest(
            method: .setParameter, uri: "rtsp://cam/1", headers: ["CSeq": "2", "Content-Length": "11"],
            body: bytes("$\r\nbody\r\n!!"))),
        .interleaved(channel: 1, payload: []),
        .interleaved(channel: 255, payload: Array(repeating: 0xAB, count: 300)),
        .request(RTSPRequest(
            method: .getParameter, uri: "rtsp://cam/1", headers: ["CSeq": "3", "Session": "abc ;timeout=60"])),
        .malformed(.malformedRequestLine(excerpt: "BROKEN LINE")),
        .request(RTSPRequest(method: .play, uri: "rtsp://cam/1", headers: ["CSeq": "5", "Range": "npt=0-"])),
    ]

    @Test func mixedStreamFedWhole() {
        #expect(Self.events(Self.mixedStream) == Self.mixedExpected)
    }

    @Test func mixedStreamSplitAtEveryBoundary() {
        let stream = Self.mixedStream
        for cut in 0...stream.count {
            let events = Self.events([stream[..<cut], stream[cut...]])
            #expect(events == Self.mixedExpected, "split at \(cut)")
            if events != Self.mixedExpected { break }
        }
    }

    @Test func mixedStreamOneByteAtATime() {
        let chunks = Self.mixedStream.indices.map { Self.mixedStream[$0...$0] }
        #expect(Self.events(chunks) == Self.mixedExpected)
    }

    @Test func needsMoreUntilComplete() {
        var parser = RTSPMessageParser()
        parser.append(Self.bytes("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n"))
        #expect(parser.next() == nil)
        // The CR ends the blank line at once; the LF after it is the rest of the CRLF.
        parser.append(Self.bytes("\r"))
        #expect(parser.next() == .request(RTSPRequest(method: .options, uri: "*", headers: ["CSeq": "1"])))
        parser.append(Self.bytes("\n"))
        #expect(parser.next() == nil)
        parser.append([UInt8(ascii: "$"), 0, 0])
        #expect(parser.next() == nil)
        parser.append([2, 9])
        #expect(parser.next() == nil)
        parser.append([8])
        #expect(parser.next() == .interleaved(channel: 0, payload: [9, 8]))
        #expect(parser.bufferedByteCount == 0)
    }

    /// The same requests with every line ending RFC 2326 §4 allows, and mixes of them; each
    /// stream yields the same events however it is split.
    static let lineEndingStreams: [(String, String)] = [
        ("CRLF", "\r\n"), ("LF", "\n"), ("CR", "\r"),
    ]

    static func lineEndingStream(_ ending: String) -> [UInt8] {
        bytes(["OPTIONS * RTSP/1.0", "CSeq: 1", "", "SET_PARAMETER rtsp://h/c RTSP/1.0", "CSeq: 2",
               "Content-Length: 4", ""].joined(separator: ending) + ending + "x\nb\r"
              + ["PLAY rtsp://h/c RTSP/1.0", "CSeq: 3", "Session: s", "  ;timeout=5", "", ""].joined(separator: ending))
            + frame(1, [0x0D, 0x0A])
    }

    static let lineEndingExpected: [RTSPParseEvent] = [
        .request(RTSPRequest(method: .options, uri: "*", headers: ["CSeq": "1"])),
        .request(RTSPRequest(method: .setParameter, uri: "rtsp://h/c", headers: ["CSeq": "2", "Content-Length": "4"],
                             body: bytes("x\nb\r"))),
        .request(RTSPRequest(method: .play, uri: "rtsp://h/c", headers: ["CSeq": "3", "Session": "s ;timeout=5"])),
        .interleaved(channel: 1, payload: [0x0D, 0x0A]),
    ]

    @Test(arguments: lineEndingStreams)
    func everyLineEndingParsesAtEverySplit(name: String, ending: String) {
        let stream = Self.lineEndingStream(ending)
        let expected = Self.lineEndingExpected
        #expect(Self.events(stream) == expected, "\(name) whole")
        #expect(Self.events(stream.indices.map { stream[$0...$0] }) == expected, "\(name) byte by byte")
        for cut in 0...stream.count {
            let events = Self.events([stream[..<cut], stream[cut...]])
            #expect(events == expected, "\(name) split at \(cut)")
            if events != expected { break }
        }
    }

    /// A client that ends its lines in CR alone is answered as soon as its blank line arrives:
    /// the parser never waits for an LF that is not coming.
    @Test func bareCRRequestCompletesWithoutMoreInput() {
        var parser = RTSPMessageParser()
        parser.append(Self.bytes("OPTIONS rtsp://h/c RTSP/1.0\rCSeq: 7\r\r"))
        #expect(parser.next() == .request(RTSPRequest(method: .options, uri: "rtsp://h/c", headers: ["CSeq": "7"])))
        #expect(parser.next() == nil)
        #expect(parser.bufferedByteCount == 0)
    }

    /// Line-ending byte vectors: exact bytes in, exact request out.
    static let lineEndingVectors: [([UInt8], RTSPRequest)] = [
        ([0x4F, 0x50, 0x54, 0x49, 0x4F, 0x4E, 0x53, 0x20, 0x2A, 0x20, 0x52, 0x54, 0x53, 0x50, 0x2F, 0x31, 0x2E, 0x30,
          0x0D, 0x41, 0x3A, 0x20, 0x31, 0x0D, 0x0A, 0x42, 0x3A, 0x20, 0x32, 0x0A, 0x0D],
         RTSPRequest(method: .options, uri: "*", headers: ["A": "1", "B": "2"])),
        // A CR inside what would have been one line ends it: "A: 1" CR "B: 2" LF LF.
        (Array("OPTIONS * RTSP/1.0\nA: 1\rB: 2\n\n".utf8),
         RTSPRequest(method: .options, uri: "*", headers: ["A": "1", "B": "2"])),
        // CR CR LF: a header line ended by CR, then a blank line ended by CRLF.
        (Array("OPTIONS * RTSP/1.0\r\nA: 1\r\r\n".utf8), RTSPRequest(method: .options, uri: "*", headers: ["A": "1"])),
        // An LF right after the CR that ends a header block is the rest of a CRLF, not the body.
        (Array("SET_PARAMETER * RTSP/1.0\rContent-Length: 2\r\r\nok".utf8),
         RTSPRequest(method: .setParameter, uri: "*", headers: ["Content-Length": "2"], body: Array("ok".utf8))),
    ]

    @Test(arguments: lineEndingVectors)
    func lineEndingVectorsParse(stream: [UInt8], request: RTSPRequest) {
        #expect(Self.events(stream) == [.request(request)])
        #expect(Self.events(stream.indices.map { stream[$0...$0] }) == [.request(request)])
    }

    @Test func httpRequestLinesParse() {
        let events = Self.events(Self.bytes("GET /cam1 HTTP/1.1\r\nx-sessioncookie: abc\r\n\r\n"))
        #expect(events == [.request(RTSPRequest(
            method: .other("GET"), uri: "/cam1", version: .http11, headers: ["x-sessioncookie": "abc"]))])
    }

    @Test func missingCSeqIsNotAParserError() {
        #expect(Self.events(Self.bytes("OPTIONS * RTSP/1.0\r\n\r\n")) == [.request(RTSPRequest(method: .options, uri: "*"))])
    }

    static let recoverable: [(String, RTSPParseError)] = [
        ("PLAY\r\nCSeq: 1\r\n\r\n", .malformedRequestLine(excerpt: "PLAY")),
        ("PLAY rtsp://x\r\n\r\n", .malformedRequestLine(excerpt: "PLAY rtsp://x")),
        ("PL(AY rtsp://x RTSP/1.0\r\n\r\n", .invalidMethod("PL(AY")),
        ("PLAY rtsp://x RTSP/one\r\n\r\n", .invalidVersion("RTSP/one")),
        ("PLAY rtsp://x RTSP/1.0\r\nNoColonHere\r\n\r\n", .malformedHeader(excerpt: "NoColonHere")),
        ("PLAY rtsp://x RTSP/1.0\r\nBad Name: 1\r\n\r\n", .malformedHeader(excerpt: "Bad Name: 1")),
        ("PLAY rtsp://x RTSP/1.0\r\n: empty\r\n\r\n", .malformedHeader(excerpt: ": empty")),
        ("PLAY rtsp://x RTSP/1.0\r\n folded\r\nCSeq: 1\r\n\r\n", .continuationWithoutHeader(excerpt: " folded")),
    ]

    @Test(arguments: recoverable)
    func recoverableErrorsSkipTheMessage(text: String, error: RTSPParseError) {
        let next = "OPTIONS * RTSP/1.0\r\nCSeq: 9\r\n\r\n"
        let events = Self.events(Self.bytes(text + next))
        #expect(events == [
            .malformed(error),
            .request(RTSPRequest(method: .options, uri: "*", headers: ["CSeq": "9"])),
        ])
        #expect(error.isRecoverable)
        #expect(error.status == .badRequest)
    }

    @Test func malformedMessageBodyIsSkipped() {
        let text = "PLAY rtsp://x RTSP/1.0\r\nbad header\r\nContent-Length: 20\r\n\r\nOPTIONS * RTSP/1.0\r\n\r\n"
            + "OPTIONS * RTSP/1.0\r\n\r\n"
        #expect(Self.events(Self.bytes(text)) == [
            .malformed(.malformedHeader(excerpt: "bad header")),
            .request(RTSPRequest(method: .options, uri: "*")),
        ])
    }

    static let small = RTSPParserLimits(
        maximumRequestLineLength: 32, maximumHeaderLineLength: 24, maximumHeaderCount: 3,
        maximumHeaderBlockLength: 60, maximumBodyLength: 10)

    static let fatal: [(String, RTSPParseError, RTSPStatus)] = [
        ("PLAY rtsp://host/" + String(repeating: "a", count: 40) + " RTSP/1.0\r\n\r\n",
         .requestLineTooLong(limit: 32), .requestURITooLarge),
        ("PLAY * RTSP/1.0\r\nX: " + String(repeating: "b", count: 30) + "\r\n\r\n",
         .headerLineTooLong(limit: 24), .badRequest),
        ("PLAY * RTSP/1.0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", .tooManyHeaders(limit: 3), .badRequest),
        ("PLAY * RTSP/1.0\r\nA: 1234567890123456\r\nB: 1234567890123456\r\nC: 1234567890123456\r\n\r\n",
         .headerBlockTooLarge(limit: 60), .badRequest),
        ("PLAY * RTSP/1.0\r\nContent-Length: 11\r\n\r\n01234567890", .bodyTooLarge(length: 11, limit: 10),
         .requestEntityTooLarge),
        ("PLAY * RTSP/1.0\r\nContent-Length: 99999999\r\n\r\n",
         .bodyTooLarge(length: Int.max, limit: 10), .requestEntityTooLarge),
        ("PLAY * RTSP/1.0\r\nContent-Length: ten\r\n\r\n", .invalidContentLength(value: "ten"), .badRequest),
        ("PLAY * RTSP/1.0\r\nContent-Length: -1\r\n\r\n", .invalidContentLength(value: "-1"), .badRequest),
        ("PLAY * RTSP/1.0\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
         .conflictingContentLength(values: ["1", "2"]), .badRequest),
        ("BAD LINE\r\nContent-Length: x\r\n\r\n", .invalidContentLength(value: "x"), .badRequest),
    ]

    @Test(arguments: fatal)
    func limitsAndLostFramingEndTheStream(text: String, error: RTSPParseError, status: RTSPStatus) {
        let stream = Self.bytes(text + "OPTIONS * RTSP/1.0\r\n\r\n")
        #expect(Self.events(stream, limits: Self.small) == [.malformed(error)])
        let oneByOne = Self.events(stream.indices.map { stream[$0...$0] }, limits: Self.small)
        #expect(oneByOne == [.malformed(error)])
        #expect(!error.isRecoverable)
        #expect(error.status == status)
    }

    @Test func linesExactlyAtTheLimitsPass() {
        let line = "PLAY rtsp://h/" + String(repeating: "a", count: 9) + " RTSP/1.0"
        #expect(line.utf8.count == 32)
        let stream = Self.bytes(line + "\r\nX: " + String(repeating: "b", count: 21) + "\r\n\r\n")
        for chunks in [[stream[...]], stream.indices.map { stream[$0...$0] }] {
            let events = Self.events(chunks, limits: Self.small)
            #expect(events.count == 1)
            guard case .request(let request)? = events.first else { Issue.record("no request"); continue }
            #expect(request.headers["X"]?.utf8.count == 21)
        }
    }

    @Test func failedParserIgnoresFurtherInput() {
        var parser = RTSPMessageParser(limits: Self.small)
        parser.append(Self.bytes("PLAY * RTSP/1.0\r\nContent-Length: 50\r\n\r\n"))
        #expect(parser.next() == .malformed(.bodyTooLarge(length: 50, limit: 10)))
        #expect(parser.hasFailed)
        parser.append(Self.bytes("OPTIONS * RTSP/1.0\r\n\r\n"))
        #expect(parser.next() == nil)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func malformedEventsKeepTheCSeqSoTheAnswerCanEchoIt() {
        var parser = RTSPMessageParser(limits: Self.small)
        parser.append(Self.bytes("DESCRIBE rtsp://h/c RTSP/1.0\r\nCSeq: 7\r\nBroken header\r\n\r\n"))
        guard case .malformed? = parser.next() else { Issue.record("expected a malformed event"); return }
        #expect(parser.malformedCSeq == "7")
        parser.append(Self.bytes("PLAY * RTSP/1.0\r\nCSeq: 8\r\nContent-Length: 50\r\n\r\n"))
        #expect(parser.next() == .malformed(.bodyTooLarge(length: 50, limit: 10)))
        #expect(parser.malformedCSeq == "8")
    }

    /// A long stream in chunks that cut messages anywhere: every message comes out whole and
    /// in order, and no more than one chunk and one partial message is ever held.
    @Test func longStreamKeepsABoundedBuffer() {
        var parser = RTSPMessageParser()
        let message = Self.bytes("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n")
        let stream = Array(repeating: message, count: 1000).flatMap { $0 }
        let chunk = 37
        var events: [RTSPParseEvent] = []
        for start in stride(from: 0, to: stream.count, by: chunk) {
            parser.append(stream[start..<min(start + chunk, stream.count)])
            while let event = parser.next() { events.append(event) }
            #expect(parser.bufferedByteCount < message.count)
        }
        #expect(events == Array(repeating: .request(RTSPRequest(method: .options, uri: "*", headers: ["CSeq": "1"])),
                                count: 1000))
        #expect(parser.bufferedByteCount == 0)
    }
}
