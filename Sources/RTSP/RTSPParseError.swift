/// Why the request or response parser rejected a message. Each case says which status the server should
/// answer and whether the parser can carry on with the next message.
public enum RTSPParseError: Error, Hashable, Sendable {
    /// Longest excerpt of an offending line kept for context.
    public static let maximumExcerptLength = 128

    /// The request line is not `Method SP Request-URI SP Version` (RFC 2326 §6.1).
    case malformedRequestLine(excerpt: String)
    /// The method is not a token (RFC 2326 §6.1).
    case invalidMethod(String)
    /// The version is not `NAME/digits.digits` (RFC 2326 §3.1).
    case invalidVersion(String)
    /// The status line is not `Version SP 3DIGIT [SP Reason-Phrase]` (RFC 2326 §7.1).
    case malformedStatusLine(excerpt: String)
    /// A header line without a colon or with a name that is not a token (RFC 2326 §4.2).
    case malformedHeader(excerpt: String)
    /// A continuation line (leading whitespace) before any header.
    case continuationWithoutHeader(excerpt: String)
    /// The request line is longer than the limit.
    case requestLineTooLong(limit: Int)
    /// The status line is longer than the limit (`maximumRequestLineLength`).
    case statusLineTooLong(limit: Int)
    /// One header line is longer than the limit.
    case headerLineTooLong(limit: Int)
    /// More header fields than the limit.
    case tooManyHeaders(limit: Int)
    /// The header block is larger than the limit.
    case headerBlockTooLarge(limit: Int)
    /// Content-Length is larger than the limit.
    case bodyTooLarge(length: Int, limit: Int)
    /// Content-Length is not a decimal number (RFC 2326 §12.14).
    case invalidContentLength(value: String)
    /// Several Content-Length headers that disagree.
    case conflictingContentLength(values: [String])

    /// The status the server should answer with.
    public var status: RTSPStatus {
        switch self {
        case .requestLineTooLong: .requestURITooLarge
        case .bodyTooLarge: .requestEntityTooLarge
        default: .badRequest
        }
    }

    /// True when the message was skipped whole and the stream can continue; false when the
    /// framing is lost or a limit was hit, so the connection should be answered and closed.
    public var isRecoverable: Bool {
        switch self {
        case .malformedRequestLine, .invalidMethod, .invalidVersion, .malformedHeader,
             .continuationWithoutHeader, .malformedStatusLine:
            true
        case .requestLineTooLong, .statusLineTooLong, .headerLineTooLong, .tooManyHeaders, .headerBlockTooLarge,
             .bodyTooLarge, .invalidContentLength, .conflictingContentLength:
            false
        }
    }

    static func excerpt(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix(maximumExcerptLength), as: UTF8.self)
    }
}

/// One item taken from the byte stream of an RTSP connection.
public enum RTSPParseEvent: Hashable, Sendable {
    /// A complete request with its body.
    case request(RTSPRequest)
    /// An interleaved binary frame: `$`, channel, 16-bit length, payload (RFC 2326 §10.12).
    case interleaved(channel: UInt8, payload: [UInt8])
    /// A rejected message; see `RTSPParseError.isRecoverable`.
    case malformed(RTSPParseError)
}
