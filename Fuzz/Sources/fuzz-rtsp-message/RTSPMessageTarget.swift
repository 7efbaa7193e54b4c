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

    /// A request written out parses back to a request with the same line, body and headers,
    /// but for what writing does on purpose: Content-Length matches the body, and a stray CR
    /// or LF inside a value becomes a space (then trimmed at the ends, as parsing trims).
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
        let contentLength = "Content-Length"
        func otherHeaders(_ headers: RTSPHeaders) -> [RTSPHeaderField] {
            headers.fields.filter { $0.name.lowercased() != contentLength.lowercased() }
        }
        let expected = otherHeaders(request.headers).map { RTSPHeaderField(name: $0.name, value: written($0.value)) }
        invariant(otherHeaders(reparsed.headers) == expected, "headers changed")
        invariant(reparsed.headers.values(contentLength) == (request.body.isEmpty ? [] : [String(request.body.count)]),
                  "Content-Length does not match the body")
        let again = reparsed.serialize()
        let hadLineBreaks = request.headers.fields.contains { $0.value.utf8.contains { $0 == 0x0D || $0 == 0x0A } }
        invariant(again == serialized || hadLineBreaks, "serialization is not stable")
        var third = RTSPMessageParser(limits: limits)
        third.append(again)
        if case .request(let once)? = third.next() {
            invariant(once.serialize() == again, "serialization is not stable after one round")
        }
    }

    /// A header value as it reads back once written: CR and LF as spaces, spaces and tabs
    /// at the ends trimmed.
    static func written(_ value: String) -> String {
        var bytes = value.utf8.map { $0 == 0x0D || $0 == 0x0A ? 0x20 : $0 }[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
