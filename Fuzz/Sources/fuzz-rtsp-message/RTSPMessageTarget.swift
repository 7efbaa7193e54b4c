import FuzzSupport
import RTSP

/// The RTSP connection byte stream (RFC 2326 §4, §6, §10.12): the events do not depend on how
/// the stream is cut, the buffer never holds more than one unfinished item within the limits,
/// and every request serializes to bytes that parse back to the same request.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTSPMessage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    for limits in [RTSPParserLimits.default, MessageStream.small] {
        let whole = MessageStream.events(of: [bytes[...]], limits: limits)
        let cut = MessageStream.events(of: FuzzInput.chunks(bytes), limits: limits)
        invariant(cut == whole, "events depend on the cuts")
        let single = MessageStream.events(of: bytes.map { [$0][...] }, limits: limits)
        invariant(single == whole, "events differ when fed one byte at a time")
        for case .request(let request) in whole { MessageStream.checkRoundTrip(request, limits: limits) }
    }
    return 0
}

/// Feeding a parser and checking what comes out.
enum MessageStream {
    /// Limits small enough for short inputs to reach every one of them.
    static let small = RTSPParserLimits(
        maximumRequestLineLength: 48, maximumHeaderLineLength: 40, maximumHeaderCount: 4,
        maximumHeaderBlockLength: 96, maximumBodyLength: 32)

    /// The events of a stream fed in `chunks`, taking every event after each chunk, and
    /// checking after each that the parser holds no more than one unfinished item.
    static func events(of chunks: [ArraySlice<UInt8>], limits: RTSPParserLimits) -> [RTSPParseEvent] {
        var parser = RTSPMessageParser(limits: limits)
        var events: [RTSPParseEvent] = []
        for chunk in chunks {
            parser.append(chunk)
            while let event = parser.next() {
                events.append(event)
                if case .malformed(let error) = event, !error.isRecoverable {
                    invariant(parser.hasFailed, "a fatal error left the parser running")
                }
            }
            invariant(parser.bufferedByteCount <= maximumBuffered(limits), "buffered \(parser.bufferedByteCount) bytes")
        }
        if parser.hasFailed { invariant(parser.bufferedByteCount == 0, "a failed parser kept its buffer") }
        return events
    }

    /// The most an unfinished item can hold: a line one byte over its limit (the CR of a
    /// CRLF), a body, or an interleaved frame with its 4-byte header.
    static func maximumBuffered(_ limits: RTSPParserLimits) -> Int {
        max(limits.maximumRequestLineLength + 1, limits.maximumHeaderLineLength + 1, limits.maximumBodyLength,
            4 + Int(UInt16.max))
    }

    /// A request written out parses back to a request with the same line and body, and
    /// writing that one out gives the same bytes.
    static func checkRoundTrip(_ request: RTSPRequest, limits: RTSPParserLimits) {
        let serialized = request.serialize()
        var parser = RTSPMessageParser(limits: limits)
        parser.append(serialized)
        let event = parser.next()
        guard case .request(let reparsed)? = event else {
            // Writing can lengthen a message: a header with an empty value gains a space, and
            // Content-Length is added for a body, so a message at a limit may go over it.
            if case .malformed(let error)? = event, !error.isRecoverable { return }
            invariant(false, "serialized request parses as \(String(describing: event))")
            return
        }
        invariant(parser.next() == nil && parser.bufferedByteCount == 0, "bytes left after a serialized request")
        invariant(reparsed.method == request.method && reparsed.uri == request.uri
                  && reparsed.version == request.version && reparsed.body == request.body,
                  "request line or body changed")
        invariant(reparsed.serialize() == serialized, "serialization is not stable")
    }
}
