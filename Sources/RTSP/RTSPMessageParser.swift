/// An incremental parser for the byte stream a client sends on an RTSP connection: requests
/// (RFC 2326 §6) and interleaved binary frames (RFC 2326 §10.12), in any mix. Feed bytes with
/// `append` and take events with `next()` until it returns nil (more bytes needed). The
/// events do not depend on how the stream was split into chunks.
///
/// Lines end in CRLF, LF or CR alone (RFC 2326 §4). A line that ends in CR is complete at
/// once, so a client that ends its lines in CR is answered without waiting; an LF right after
/// that CR, in the same chunk or the next, is the rest of a CRLF and is skipped.
public struct RTSPMessageParser: Sendable {
    private var core: MessageStreamParser<RTSPRequest>

    public init(limits: RTSPParserLimits = .default) {
        core = MessageStreamParser(limits: limits)
    }

    public var limits: RTSPParserLimits { core.limits }
    /// True once a non-recoverable error was reported; the parser then ignores all input.
    public var hasFailed: Bool { core.hasFailed }
    /// The CSeq header of the message behind the last `.malformed` event, when its
    /// headers were read far enough to know it, so the 4xx answer can echo it
    /// (RFC 2326 §12.17).
    public var malformedCSeq: String? { core.malformedCSeq }
    /// Bytes received but not yet turned into events.
    public var bufferedByteCount: Int { core.bufferedByteCount }
    /// True when no message is partly received: every byte so far became an event (or was a
    /// blank line between messages). Read after `next()` returned nil. A server times out
    /// a connection that stays mid-message too long.
    public var isBetweenMessages: Bool { core.isBetweenMessages }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        core.append(bytes)
    }

    /// The next complete event, or nil when more bytes are needed (or after a fatal error).
    public mutating func next() -> RTSPParseEvent? {
        switch core.next() {
        case nil: nil
        case .message(let request): .request(request)
        case .interleaved(let channel, let payload): .interleaved(channel: channel, payload: payload)
        case .malformed(let error): .malformed(error)
        }
    }
}

extension RTSPRequest: StreamParsedMessage {
    static var placeholder: RTSPRequest { RTSPRequest(method: .options, uri: "*") }

    static func startLineTooLong(limit: Int) -> RTSPParseError { .requestLineTooLong(limit: limit) }

    /// `Method SP Request-URI SP RTSP-Version` (RFC 2326 §6.1). Runs of spaces or tabs are
    /// accepted between the parts.
    static func parseStartLine(_ line: ArraySlice<UInt8>) -> Result<RTSPRequest, RTSPParseError> {
        let parts = line.split(whereSeparator: HeaderSyntax.isWhitespace)
        guard parts.count == 3,
              !parts[1].contains(where: { $0 < 0x20 || $0 == 0x7F })
        else {
            return .failure(.malformedRequestLine(excerpt: RTSPParseError.excerpt(line)))
        }
        let methodToken = String(decoding: parts[0], as: UTF8.self)
        guard HeaderSyntax.isToken(methodToken) else {
            return .failure(.invalidMethod(RTSPParseError.excerpt(parts[0])))
        }
        let versionText = String(decoding: parts[2], as: UTF8.self)
        guard let version = RTSPVersion(parsing: versionText) else {
            return .failure(.invalidVersion(RTSPParseError.excerpt(parts[2])))
        }
        return .success(RTSPRequest(
            method: RTSPMethod(methodToken), uri: String(decoding: parts[1], as: UTF8.self), version: version))
    }
}
