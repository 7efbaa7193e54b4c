import FuzzSupport
import RTSP

/// The byte stream a server sends a client (RFC 2326 §4, §7, §10.12): the events do not
/// depend on how the stream is cut, the buffer never holds more than one unfinished item
/// within the limits, and every response serializes to bytes that parse back to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTSPResponse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    for limits in [RTSPParserLimits.default, ResponseStream.small] {
        let whole = ResponseStream.events(of: [bytes[...]], limits: limits)
        let cut = ResponseStream.events(of: FuzzInput.chunks(bytes), limits: limits)
        invariant(cut == whole, "events depend on the cuts")
        let single = ResponseStream.events(of: bytes.map { [$0][...] }, limits: limits)
        invariant(single == whole, "events differ when fed one byte at a time")
        for case .response(let response) in whole { ResponseStream.checkRoundTrip(response, limits: limits) }
    }
    return 0
}

/// Feeding a response parser and checking what comes out.
enum ResponseStream {
    /// Limits small enough for short inputs to reach every one of them.
    static let small = RTSPParserLimits(
        maximumRequestLineLength: 48, maximumHeaderLineLength: 40, maximumHeaderCount: 4,
        maximumHeaderBlockLength: 96, maximumBodyLength: 32)

    static func events(of chunks: [ArraySlice<UInt8>], limits: RTSPParserLimits) -> [RTSPResponseEvent] {
        var parser = RTSPResponseParser(limits: limits)
        var events: [RTSPResponseEvent] = []
        for chunk in chunks {
            parser.append(chunk)
            while let event = parser.next() {
                events.append(event)
                if case .malformed(let error) = event, !error.isRecoverable {
                    invariant(parser.hasFailed, "a fatal error left the parser running")
                }
            }
            let most = max(limits.maximumRequestLineLength + 1, limits.maximumHeaderLineLength + 1,
                           limits.maximumBodyLength, 4 + Int(UInt16.max))
            invariant(parser.bufferedByteCount <= most, "buffered \(parser.bufferedByteCount) bytes")
        }
        if parser.hasFailed { invariant(parser.bufferedByteCount == 0, "a failed parser kept its buffer") }
        return events
    }

    /// A response written out parses back with the same status line and body, and writing
    /// it again gives the same bytes (values with CR or LF aside, which writing turns into
    /// spaces on purpose).
    static func checkRoundTrip(_ response: RTSPResponse, limits: RTSPParserLimits) {
        let serialized = response.serialize()
        var parser = RTSPResponseParser(limits: limits)
        parser.append(serialized)
        let event = parser.next()
        guard case .response(let reparsed)? = event else {
            // Writing can lengthen a message (a reason phrase filled in, Content-Length added).
            if case .malformed(let error)? = event, !error.isRecoverable { return }
            invariant(false, "serialized response parses as \(String(describing: event))")
            return
        }
        invariant(reparsed.version == response.version && reparsed.status.code == response.status.code
                  && reparsed.body == response.body, "status line or body changed")
        let again = reparsed.serialize()
        var third = RTSPResponseParser(limits: limits)
        third.append(again)
        if case .response(let once)? = third.next() {
            invariant(once.serialize() == again, "serialization is not stable after one round")
        }
    }
}
