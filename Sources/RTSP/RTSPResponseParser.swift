/// An incremental parser for the byte stream a server sends to a client: responses (RFC 2326
/// §7) and interleaved binary frames between them (RFC 2326 §10.12), in any mix. It is the
/// client side's twin of `RTSPMessageParser`, with the same framing, line endings and limits
/// (the status line is held to `maximumRequestLineLength`). A body is read by Content-Length;
/// a response without one has none (RFC 2326 §4.3). `HTTP/1.x` status lines parse too, for
/// the reply that opens an HTTP tunnel's GET connection.
public struct RTSPResponseParser: Sendable {
    private var core: MessageStreamParser<RTSPResponse>

    public init(limits: RTSPParserLimits = .default) {
        core = MessageStreamParser(limits: limits)
    }

    public var limits: RTSPParserLimits { core.limits }
    /// True once a non-recoverable error was reported; the parser then ignores all input.
    public var hasFailed: Bool { core.hasFailed }
    /// Bytes received but not yet turned into events.
    public var bufferedByteCount: Int { core.bufferedByteCount }
    /// True when no message is partly received. Read after `next()` returned nil.
    public var isBetweenMessages: Bool { core.isBetweenMessages }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        core.append(bytes)
    }

    /// The next complete event, or nil when more bytes are needed (or after a fatal error).
    public mutating func next() -> RTSPResponseEvent? {
        switch core.next() {
        case nil: nil
        case .message(let response): .response(response)
        case .interleaved(let channel, let payload): .interleaved(channel: channel, payload: payload)
        case .malformed(let error): .malformed(error)
        }
    }
}

/// One item taken from the byte stream a server sends.
public enum RTSPResponseEvent: Hashable, Sendable {
    /// A complete response with its body.
    case response(RTSPResponse)
    /// An interleaved binary frame: `$`, channel, 16-bit length, payload (RFC 2326 §10.12).
    case interleaved(channel: UInt8, payload: [UInt8])
    /// A rejected message; see `RTSPParseError.isRecoverable`.
    case malformed(RTSPParseError)
}

extension RTSPResponse: StreamParsedMessage {
    static var placeholder: RTSPResponse { RTSPResponse(status: .ok) }

    static func startLineTooLong(limit: Int) -> RTSPParseError { .statusLineTooLong(limit: limit) }

    /// `RTSP-Version SP Status-Code SP Reason-Phrase` (RFC 2326 §7.1): the code is three
    /// digits, the reason phrase may hold spaces and may be missing (some servers send
    /// `RTSP/1.0 200`). Runs of spaces or tabs are accepted between the parts.
    static func parseStartLine(_ line: ArraySlice<UInt8>) -> Result<RTSPResponse, RTSPParseError> {
        let malformed = RTSPParseError.malformedStatusLine(excerpt: RTSPParseError.excerpt(line))
        guard let versionEnd = line.firstIndex(where: HeaderSyntax.isWhitespace) else { return .failure(malformed) }
        guard let version = RTSPVersion(parsing: String(decoding: line[..<versionEnd], as: UTF8.self)) else {
            return .failure(.invalidVersion(RTSPParseError.excerpt(line[..<versionEnd])))
        }
        var rest = line[versionEnd...].drop(while: HeaderSyntax.isWhitespace)
        let codeDigits = rest.prefix(while: HeaderSyntax.isDigit)
        guard codeDigits.count == 3, let first = codeDigits.first, first != UInt8(ascii: "0") else {
            return .failure(malformed)
        }
        let code = codeDigits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        rest = rest.dropFirst(3)
        if let next = rest.first, !HeaderSyntax.isWhitespace(next) { return .failure(malformed) }
        guard !rest.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return .failure(malformed) }
        let reason = HeaderSyntax.trim(String(decoding: rest, as: UTF8.self))
        return .success(RTSPResponse(version: version, status: RTSPStatus(code: code, reasonPhrase: reason)))
    }
}
