import Randomness
import Testing
@testable import RTSP

/// Seeded random and mutated input: the parsers answer, they never trap, the message parser's
/// buffer stays within its limits, its events do not depend on how the bytes were split, and
/// a clean request after garbage is still understood.
@Suite struct HostileInputTests {
    static let valid = Array(("DESCRIBE rtsp://127.0.0.1:8554/cam RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n"
        + "SETUP rtsp://127.0.0.1:8554/cam/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
        + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nRange: npt=0-\r\nScale: 1\r\nRequire: x\r\n\r\n"
        + "SET_PARAMETER rtsp://h/cam RTSP/1.0\r\nCSeq: 4\r\nContent-Length: 5\r\n\r\nloss:").utf8)

    static let options = RTSPRequest(method: .options, uri: "rtsp://h/cam", headers: ["CSeq": "9"])

    /// The most a parser with default limits may hold after its events are drained: a whole
    /// interleaved frame but one byte, or a request line, header block and body but one byte.
    static let maximumBuffered: Int = {
        let limits = RTSPParserLimits.default
        let frame = 4 + Int(UInt16.max) - 1
        // Each line may end in CRLF; the header block limit counts its line endings already.
        let request = limits.maximumRequestLineLength + 2 + limits.maximumHeaderBlockLength
            + limits.maximumHeaderLineLength + 2 + 2 + limits.maximumBodyLength - 1
        return max(frame, request)
    }()

    static func drain(_ parser: inout RTSPMessageParser) -> [RTSPParseEvent] {
        var events: [RTSPParseEvent] = []
        while let event = parser.next() { events.append(event) }
        return events
    }

    @Test(arguments: 0..<8)
    func randomBytesNeverTrapTheMessageParser(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        var parser = RTSPMessageParser()
        var bytesSinceReset = 0
        var eventsSinceReset = 0
        var failures = 0
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 512)
            let chunk = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            parser.append(chunk)
            bytesSinceReset += count
            let events = Self.drain(&parser)
            eventsSinceReset += events.count
            // Every event consumes at least one byte, so there are never more events than bytes.
            #expect(eventsSinceReset <= bytesSinceReset)
            #expect(parser.bufferedByteCount <= Self.maximumBuffered)
            #expect(parser.bufferedByteCount <= bytesSinceReset)
            if parser.hasFailed {
                // A failed parser reported why, holds nothing and takes no more input.
                guard case .malformed(let error)? = events.last else {
                    Issue.record("failed without a malformed event")
                    return
                }
                #expect(!error.isRecoverable)
                #expect(parser.bufferedByteCount == 0)
                parser.append(Self.valid)
                #expect(parser.next() == nil)
                failures += 1
                parser = RTSPMessageParser()
                bytesSinceReset = 0
                eventsSinceReset = 0
            }
        }
        // 2,000 chunks of random bytes hit a limit or a broken Content-Length at least once.
        #expect(failures > 0)
    }

    /// Random lines without `$` (which would open an interleaved frame) and a blank line form
    /// one malformed message; the request after it parses, fed whole or one byte at a time.
    @Test(arguments: 0..<16)
    func requestAfterGarbageAndABlankLineParses(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 500)
        var garbage: [UInt8] = []
        for _ in 0..<Int(generator.next() % 40 + 1) {
            for _ in 0..<Int(generator.next() % 100 + 1) {
                var byte = UInt8(truncatingIfNeeded: generator.next())
                if byte == UInt8(ascii: "$") || byte == 0x0D || byte == 0x0A { byte = UInt8(ascii: "x") }
                garbage.append(byte)
            }
            garbage += generator.next() % 2 == 0 ? [0x0D, 0x0A] : [0x0A]
        }
        let stream = garbage + [0x0D, 0x0A] + Self.options.serialize()
        let whole: [RTSPParseEvent] = {
            var parser = RTSPMessageParser()
            parser.append(stream)
            return Self.drain(&parser)
        }()
        #expect(whole.last == .request(Self.options))
        for event in whole.dropLast() {
            guard case .malformed(let error) = event else {
                Issue.record("garbage became \(event)")
                continue
            }
            #expect(error.isRecoverable)
        }
        var parser = RTSPMessageParser()
        var oneByOne: [RTSPParseEvent] = []
        for byte in stream {
            parser.append([byte])
            oneByOne += Self.drain(&parser)
        }
        #expect(oneByOne == whole)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test(arguments: 0..<8)
    func mutatedRequestsParseTheSameAtAnySplitAndHeadersReachAFixedPoint(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 100)
        var requests = 0
        for _ in 0..<2_000 {
            var bytes = Self.valid
            for _ in 0..<Int(generator.next() % 6 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                }
            }
            var parser = RTSPMessageParser()
            parser.append(bytes)
            let events = Self.drain(&parser)
            let cut = Int(generator.next() % UInt64(bytes.count + 1))
            var split = RTSPMessageParser()
            split.append(bytes[..<cut])
            var splitEvents = Self.drain(&split)
            split.append(bytes[cut...])
            splitEvents += Self.drain(&split)
            #expect(splitEvents == events, "split at \(cut)")
            for event in events {
                guard case .request(let request) = event else { continue }
                requests += 1
                // Whatever survived the mutation, each header parser answers, and what it
                // writes parses back to the same text.
                for field in request.headers {
                    Self.expectFixedPoint(field.value, TransportHeader.init(parsing:), \.serialized)
                    Self.expectFixedPoint(field.value, SessionHeader.init(parsing:), \.serialized)
                    Self.expectFixedPoint(field.value, RangeHeader.init(parsing:), \.serialized)
                    Self.expectFixedPoint(field.value, RTPInfoHeader.init(parsing:), \.serialized)
                    Self.expectFixedPoint(field.value, ScaleHeader.init(parsing:), \.serialized)
                    Self.expectFixedPoint(field.value, RequireHeader.init(parsing:), \.serialized)
                }
                _ = try? request.validateRepeatedHeaders()
                _ = try? request.unsupportedOptionTags()
                _ = RTSPURL(parsing: request.uri)
            }
        }
        // Most mutations leave at least one of the three requests intact.
        #expect(requests > 2_000)
    }

    /// When `text` parses, its serialization parses too and serializes to itself.
    static func expectFixedPoint<Header>(
        _ text: String, _ parse: (String) -> Header?, _ serialize: (Header) -> String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let header = parse(text) else { return }
        let canonical = serialize(header)
        let again = parse(canonical)
        #expect(again.map(serialize) == canonical, "\(text) -> \(canonical)", sourceLocation: sourceLocation)
    }
}
