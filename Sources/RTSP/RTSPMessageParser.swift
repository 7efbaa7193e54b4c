/// An incremental parser for the byte stream a client sends on an RTSP connection: requests
/// (RFC 2326 §6) and interleaved binary frames (RFC 2326 §10.12), in any mix. Feed bytes with
/// `append` and take events with `next()` until it returns nil (more bytes needed). The
/// events do not depend on how the stream was split into chunks.
public struct RTSPMessageParser: Sendable {
    /// Buffered bytes already consumed beyond which the buffer is compacted.
    static let compactionThreshold = 4096

    public let limits: RTSPParserLimits
    /// True once a non-recoverable error was reported; the parser then ignores all input.
    public private(set) var hasFailed = false
    /// The CSeq header of the message behind the last `.malformed` event, when its
    /// headers were read far enough to know it, so the 4xx answer can echo it
    /// (RFC 2326 §12.17).
    public private(set) var malformedCSeq: String?

    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where the search for the current line's LF resumes, so partial lines are scanned once.
    private var scanIndex = 0
    private var state: State = .idle

    private struct Pending: Sendable {
        var request = RTSPRequest(method: .options, uri: "*")
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

    public init(limits: RTSPParserLimits = .default) {
        self.limits = limits
    }

    /// Bytes received but not yet turned into events.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// True when no message is partly received: every byte so far became an event (or was a
    /// blank line between messages). Read after `next()` returned nil. A server times out
    /// a connection that stays mid-message too long.
    public var isBetweenMessages: Bool {
        guard case .idle = state else { return false }
        return buffer[readIndex...].allSatisfy { $0 == 0x0D || $0 == 0x0A }
    }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        guard !hasFailed else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, or nil when more bytes are needed (or after a fatal error).
    public mutating func next() -> RTSPParseEvent? {
        while true {
            switch state {
            case .failed:
                return nil
            case .idle:
                // Blank lines between messages are ignored (RFC 2326 §4 via RFC 2616 §4.1).
                while readIndex < buffer.count, buffer[readIndex] == 0x0D || buffer[readIndex] == 0x0A {
                    readIndex += 1
                }
                guard readIndex < buffer.count else { return nil }
                if buffer[readIndex] == UInt8(ascii: "$") { return takeInterleavedFrame() }
                switch readLine(limit: limits.maximumRequestLineLength) {
                case .needMore:
                    return nil
                case .tooLong:
                    return fail(.requestLineTooLong(limit: limits.maximumRequestLineLength))
                case .line(let range, _):
                    state = .headers(Self.parseRequestLine(buffer[range]))
                }
            case .headers(var pending):
                switch readLine(limit: limits.maximumHeaderLineLength) {
                case .needMore:
                    return nil
                case .tooLong:
                    return fail(.headerLineTooLong(limit: limits.maximumHeaderLineLength), cSeq: pending.request.headers[CSeq.headerName])
                case .line(let range, let consumed):
                    if range.isEmpty {
                        switch bodyLength(of: pending.request.headers) {
                        case .success(let length): state = .body(pending, length: length)
                        case .failure(let error): return fail(error, cSeq: pending.request.headers[CSeq.headerName])
                        }
                        continue
                    }
                    pending.headerBytes += consumed
                    guard pending.headerBytes <= limits.maximumHeaderBlockLength else {
                        return fail(.headerBlockTooLarge(limit: limits.maximumHeaderBlockLength), cSeq: pending.request.headers[CSeq.headerName])
                    }
                    if HeaderSyntax.isWhitespace(buffer[range.lowerBound]) {
                        if pending.headerCount == 0 {
                            pending.note(.continuationWithoutHeader(excerpt: RTSPParseError.excerpt(buffer[range])))
                        } else {
                            let text = HeaderSyntax.trim(String(decoding: buffer[range], as: UTF8.self))
                            pending.request.headers.appendToLastValue(text)
                        }
                    } else {
                        pending.headerCount += 1
                        guard pending.headerCount <= limits.maximumHeaderCount else {
                            return fail(.tooManyHeaders(limit: limits.maximumHeaderCount), cSeq: pending.request.headers[CSeq.headerName])
                        }
                        if let field = Self.parseHeaderLine(buffer[range]) {
                            pending.request.headers.add(field.name, field.value)
                        } else {
                            pending.note(.malformedHeader(excerpt: RTSPParseError.excerpt(buffer[range])))
                        }
                    }
                    state = .headers(pending)
                }
            case .body(var pending, let length):
                guard buffer.count - readIndex >= length else { return nil }
                pending.request.body = Array(buffer[readIndex..<(readIndex + length)])
                readIndex += length
                scanIndex = readIndex
                state = .idle
                if let error = pending.error {
                    malformedCSeq = pending.request.headers[CSeq.headerName]
                    return .malformed(error)
                }
                return .request(pending.request)
            }
        }
    }

    // MARK: - Framing

    /// `$`, one channel byte, a 16-bit big-endian length, then the payload (RFC 2326 §10.12).
    private mutating func takeInterleavedFrame() -> RTSPParseEvent? {
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

    /// The next line ending in LF (a CR before it is dropped), or why there is none yet.
    /// A line is too long when its content, without the line ending, exceeds `limit`; that is
    /// decided as early as possible but always the same way for the same stream.
    private mutating func readLine(limit: Int) -> LineResult {
        var index = max(scanIndex, readIndex)
        while index < buffer.count, buffer[index] != 0x0A { index += 1 }
        guard index < buffer.count else {
            scanIndex = buffer.count
            let pending = buffer.count - readIndex
            if pending > limit + 1 || (pending == limit + 1 && buffer[buffer.count - 1] != 0x0D) {
                return .tooLong
            }
            return .needMore
        }
        var end = index
        if end > readIndex, buffer[end - 1] == 0x0D { end -= 1 }
        guard end - readIndex <= limit else { return .tooLong }
        let range = readIndex..<end
        let consumed = index + 1 - readIndex
        readIndex = index + 1
        scanIndex = readIndex
        return .line(range, consumed: consumed)
    }

    private mutating func fail(_ error: RTSPParseError, cSeq: String? = nil) -> RTSPParseEvent {
        malformedCSeq = cSeq
        hasFailed = true
        state = .failed
        buffer = []
        readIndex = 0
        scanIndex = 0
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

    /// `Method SP Request-URI SP RTSP-Version` (RFC 2326 §6.1). Runs of spaces or tabs are
    /// accepted between the parts.
    private static func parseRequestLine(_ line: ArraySlice<UInt8>) -> Pending {
        var pending = Pending()
        let parts = line.split(whereSeparator: HeaderSyntax.isWhitespace)
        guard parts.count == 3,
              !parts[1].contains(where: { $0 < 0x20 || $0 == 0x7F })
        else {
            pending.note(.malformedRequestLine(excerpt: RTSPParseError.excerpt(line)))
            return pending
        }
        let methodToken = String(decoding: parts[0], as: UTF8.self)
        guard HeaderSyntax.isToken(methodToken) else {
            pending.note(.invalidMethod(RTSPParseError.excerpt(parts[0])))
            return pending
        }
        let versionText = String(decoding: parts[2], as: UTF8.self)
        guard let version = RTSPVersion(parsing: versionText) else {
            pending.note(.invalidVersion(RTSPParseError.excerpt(parts[2])))
            return pending
        }
        pending.request = RTSPRequest(
            method: RTSPMethod(methodToken), uri: String(decoding: parts[1], as: UTF8.self), version: version)
        return pending
    }

    /// `field-name ":" [ field-value ]` (RFC 2326 §4.2); whitespace around the value is dropped.
    private static func parseHeaderLine(_ line: ArraySlice<UInt8>) -> RTSPHeaderField? {
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
