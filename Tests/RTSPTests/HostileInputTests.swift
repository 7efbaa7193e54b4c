import Randomness
import Testing
@testable import RTSP

/// Seeded random and mutated input: the parsers answer, they never trap, and the
/// message parser's buffer stays within its limits.
@Suite struct HostileInputTests {
    static let valid = Array(("DESCRIBE rtsp://127.0.0.1:8554/cam RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n"
        + "SETUP rtsp://127.0.0.1:8554/cam/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
        + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n"
        + "SET_PARAMETER rtsp://h/cam RTSP/1.0\r\nCSeq: 4\r\nContent-Length: 5\r\n\r\nloss:").utf8)

    @Test(arguments: 0..<8)
    func randomBytesNeverTrapTheMessageParser(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        var parser = RTSPMessageParser()
        var events = 0
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 512)
            let chunk = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            parser.append(chunk)
            while parser.next() != nil { events += 1 }
            if parser.hasFailed { parser = RTSPMessageParser() }
            #expect(parser.bufferedByteCount <= RTSPParserLimits.defaultMaximumHeaderBlockLength
                + RTSPParserLimits.defaultMaximumBodyLength + 65_540)
        }
        #expect(events >= 0)
    }

    @Test(arguments: 0..<8)
    func mutatedRequestsNeverTrapAnyParser(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 100)
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
            while let event = parser.next() {
                guard case .request(let request) = event else { continue }
                // Every header parser must answer for whatever survived the mutation.
                for field in request.headers {
                    _ = TransportHeader(parsing: field.value)
                    _ = SessionHeader(parsing: field.value)
                    _ = RangeHeader(parsing: field.value)
                    _ = RTPInfoHeader(parsing: field.value)
                }
                _ = RTSPURL(parsing: request.uri)
            }
        }
    }
}
