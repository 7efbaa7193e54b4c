/// The framing engine shared by the request and response parsers: messages (a start line that
/// `Message` parses, headers, a body by Content-Length) and interleaved binary frames
/// (RFC 2326 §10.12), in any mix. The events do not depend on how the stream was split.
///
/// Lines end in CRLF, LF or CR alone (RFC 2326 §4). A line that ends in CR is complete at
/// once, so a peer that ends its lines in CR is understood without waiting; an LF right after
/// that CR, in the same chunk or the next, is the rest of a CRLF and is skipped.
struct MessageStreamParser<Message: StreamParsedMessage>: Sendable {
    /// Buffered bytes already consumed beyond which the buffer is compacted.
    static var compactionThreshold: Int { 4096 }

    let limits: RTSPParserLimits
    /// True once a non-recoverable error was reported; the parser then ignores all input.
    private(set) var hasFailed = false
    /// The CSeq header of the message behind the last `.malformed` event, when its
    /// headers were read far enough to know it (RFC 2326 §12.17).
    private(set) var malformedCSeq: String?

    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where the search for the current line's end resumes, so partial lines are scanned once.
    private var scanIndex = 0
    /// The last line ended in CR: an LF that comes next belongs to it.
    private var skipsLineFeed = false
    private var state: State = .idle

    private struct Pending: Sendable {
        var message = Message.placeholder
        var error: RTSPParseError?
        var headerCount = 0
        var headerBytes = 0

        mutating func note(_ newError: RTSPParseError) {
            if error == nil { error = newError }
        }
    }

    private enum State: Sendable {
        case idle
        case headers(Pending)
        case body(Pending, length: Int)
        case failed
    }

    private enum LineResult {
        case needMore
        case tooLong
        case line(Range<Int>, consumed: Int)
    }

    init(limits: RTSPParserLimits) {
        self.limits = limits
    }

    /// Bytes received but not yet turned into events.
    var bufferedByteCount: Int { buffer.count - readIndex }

    /// True when no message is partly received: every byte so far became an event (or was a
    /// blank line between messages). Read after `next()` returned nil. A server times out
    /// a connection that stays mid-message too long.
    var isBetweenMessages: Bool {
        guard case .idle = state else { return false }
        return buffer[readIndex...].allSatisfy { $0 == 0x0D || $0 == 0x0A }
    }

    mutating func append(_ bytes: some Collection<UInt8>) {
        guard !hasFailed else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, or nil when more bytes are needed (or after a fatal error).
    mutating func next() -> MessageStreamEvent<Message>? {
        while true {
            switch state {
            case .failed:
                return nil
            case .idle:
                // Blank lines between messages are ignored (RFC 2326 §4 via RFC 2616 §4.1),
                // and with them the LF of a CRLF that ended the last message.
                skipsLineFeed = false
                while readIndex < buffer.count, buffer[readIndex] == 0x0D || buffer[readIndex] == 0x0A {
                    readIndex += 1
                }
                guard readIndex < buffer.count else { return nil }
                if buffer[readIndex] == UInt8(ascii: "$") { return takeInterleavedFrame() }
                switch readLine(limit: limits.maximumRequestLineLength) {
                case .needMore:
                    return nil
                case .tooLong:
                    return fail(Message.startLineTooLong(limit: limits.maximumRequestLineLength))
                case .line(let range, _):
                    var pending = Pending()
                    switch Message.parseStartLine(buffer[range]) {
                    case .success(let message): pending.message = message
                    case .failure(let error): pending.note(error)
                    }
                    state = .headers(pending)
                }
            case .headers(var pending):
                switch readLine(limit: limits.maximumHeaderLineLength) {
                case .needMore:
                    return nil
                case .tooLong:
                    return fail(.headerLineTooLong(limit: limits.maximumHeaderLineLength), cSeq: pending.message.headers[CSeq.headerName])
                case .line(let range, let consumed):
                    if range.isEmpty {
                        switch bodyLength(of: pending.message.headers) {
                        case .success(let length): state = .body(pending, length: length)
                        case .failure(let error): return fail(error, cSeq: pending.message.headers[CSeq.headerName])
                        }
                        continue
                    }
                    pending.headerBytes += consumed
                    guard pending.headerBytes <= limits.maximumHeaderBlockLength else {
                        return fail(.headerBlockTooLarge(limit: limits.maximumHeaderBlockLength), cSeq: pending.message.headers[CSeq.headerName])
                    }
                    if HeaderSyntax.isWhitespace(buffer[range.lowerBound]) {
                        if pending.headerCount == 0 {
                            pending.note(.continuationWithoutHeader(excerpt: RTSPParseError.excerpt(buffer[range])))
                        } else {
                            let text = HeaderSyntax.trim(String(decoding: buffer[range], as: UTF8.self))
                            pending.message.headers.appendToLastValue(text)
                        }
                    } else {
                        pending.headerCount += 1
                        guard pending.headerCount <= limits.maximumHeaderCount else {
                            return fail(.tooManyHeaders(limit: limits.maximumHeaderCount), cSeq: pending.message.headers[CSeq.headerName])
                        }
                        if let field = Self.parseHeaderLine(buffer[range]) {
                            pending.message.headers.add(field.name, field.value)
                        } else {
                            pending.note(.malformedHeader(excerpt: RTSPParseError.excerpt(buffer[range])))
                        }
                    }
                    state = .headers(pending)
                }
            case .body(var pending, let length):
                if skipsLineFeed, readIndex < buffer.count {
                    // The header block ended in CR: the body starts after the LF, if one follows.
                    if buffer[readIndex] == 0x0A { readIndex += 1 }
                    skipsLineFeed = false
                }
                // Without a body there is nothing to wait for; idle skips a late LF.
                if length > 0, skipsLineFeed { return nil }
                guard buffer.count - readIndex >= length else { return nil }
                pending.message.body = Array(buffer[readIndex..<(readIndex + length)])
                readIndex += length
                scanIndex = readIndex
                state = .idle
                if let error = pending.error {
                    malformedCSeq = pending.message.headers[CSeq.headerName]
                    return .malformed(error)
                }
                return .message(pending.message)
            }
        }
    }

    // MARK: - Framing

    /// `$`, one channel byte, a 16-bit big-endian length, then the payload (RFC 2326 §10.12).
    private mutating func takeInterleavedFrame() -> MessageStreamEvent<Message>? {
        let headerLength = 4
        guard buffer.count - readIndex >= headerLength else { return nil }
        let channel = buffer[readIndex + 1]
        let length = Int(buffer[readIndex + 2]) << 8 | Int(buffer[readIndex + 3])
        guard buffer.count - readIndex >= headerLength + length else { return nil }
        let start = readIndex + headerLength
        let payload = Array(buffer[start..<(start + length)])
        readIndex = start + length
        scanIndex = readIndex
        return .interleaved(channel: channel, payload: payload)
    }

    /// The next line ending in CRLF, LF or CR (RFC 2326 §4), without its ending, and the bytes
    /// it took (an LF left over from the previous line's CRLF included), or why there is none
    /// yet. A line is too long when its content exceeds `limit`; that is decided as soon as
    /// `limit + 1` bytes without a line ending are buffered, the same way for every split.
    private mutating func readLine(limit: Int) -> LineResult {
        var leftover = 0
        if skipsLineFeed {
            guard readIndex < buffer.count else { return .needMore }
            if buffer[readIndex] == 0x0A {
                readIndex += 1
                leftover = 1
            }
            skipsLineFeed = false
        }
        var index = max(scanIndex, readIndex)
        while index < buffer.count, buffer[index] != 0x0A, buffer[index] != 0x0D { index += 1 }
        guard index < buffer.count else {
            scanIndex = buffer.count
            // The leftover LF is skipped again, and counted, when this line completes.
            readIndex -= leftover
            skipsLineFeed = leftover == 1
            return buffer.count - readIndex - leftover > limit ? .tooLong : .needMore
        }
        guard index - readIndex <= limit else { return .tooLong }
        let range = readIndex..<index
        skipsLineFeed = buffer[index] == 0x0D
        let consumed = index + 1 - readIndex + leftover
        readIndex = index + 1
        scanIndex = readIndex
        return .line(range, consumed: consumed)
    }

    private mutating func fail(_ error: RTSPParseError, cSeq: String? = nil) -> MessageStreamEvent<Message> {
        malformedCSeq = cSeq
        hasFailed = true
        state = .failed
        buffer = []
        readIndex = 0
        scanIndex = 0
        skipsLineFeed = false
        return .malformed(error)
    }

    private mutating func compact() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if readIndex >= Self.compactionThreshold {
            buffer.removeSubrange(0..<readIndex)
        } else {
            return
        }
        scanIndex -= readIndex
        readIndex = 0
    }

    // MARK: - Message syntax

    /// `field-name ":" [ field-value ]` (RFC 2326 §4.2); whitespace around the value is dropped.
    static func parseHeaderLine(_ line: ArraySlice<UInt8>) -> RTSPHeaderField? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var nameEnd = colon
        while nameEnd > line.startIndex, HeaderSyntax.isWhitespace(line[nameEnd - 1]) { nameEnd -= 1 }
        let name = line[line.startIndex..<nameEnd]
        guard !name.isEmpty, name.allSatisfy(HeaderSyntax.isTokenByte) else { return nil }
        let value = HeaderSyntax.trim(String(decoding: line[(colon + 1)...], as: UTF8.self))
        return RTSPHeaderField(name: String(decoding: name, as: UTF8.self), value: value)
    }

    /// The body length from Content-Length (RFC 2326 §12.14); no header means no body.
    private func bodyLength(of headers: RTSPHeaders) -> Result<Int, RTSPParseError> {
        let values = headers.values(MessageFraming.contentLength)
        guard !values.isEmpty else { return .success(0) }
        // One digit more than the limit needs, so an oversized length is told from garbage.
        let maxDigits = String(limits.maximumBodyLength).count + 1
        var length: Int?
        for value in values {
            let trimmed = HeaderSyntax.trim(value)
            let parsed: Int
            if let number = HeaderSyntax.parseDigits(trimmed, maxDigits: maxDigits) {
                parsed = number
            } else if !trimmed.isEmpty, trimmed.utf8.allSatisfy(HeaderSyntax.isDigit) {
                parsed = Int.max
            } else {
                return .failure(.invalidContentLength(value: value))
            }
            if let length, length != parsed { return .failure(.conflictingContentLength(values: values)) }
            length = parsed
        }
        let result = length ?? 0
        guard result <= limits.maximumBodyLength else {
            return .failure(.bodyTooLarge(length: result, limit: limits.maximumBodyLength))
        }
        return .success(result)
    }
}

/// A message `MessageStreamParser` assembles: the type parses its start line; headers and body
/// are filled in after.
protocol StreamParsedMessage: Sendable {
    /// An empty message, filled in once the start line is read (it stands in for a message
    /// whose start line was rejected, so its headers can still be read for CSeq).
    static var placeholder: Self { get }
    /// The message a start line begins, or why the line is malformed (the message is then
    /// read to its end and reported as malformed).
    static func parseStartLine(_ line: ArraySlice<UInt8>) -> Result<Self, RTSPParseError>
    /// The error for a start line longer than `limit`.
    static func startLineTooLong(limit: Int) -> RTSPParseError
    var headers: RTSPHeaders { get set }
    var body: [UInt8] { get set }
}

/// One item `MessageStreamParser` takes from the byte stream.
enum MessageStreamEvent<Message: Sendable>: Sendable {
    case message(Message)
    case interleaved(channel: UInt8, payload: [UInt8])
    case malformed(RTSPParseError)
}
