/// A response status: numeric code and reason phrase (RFC 2326 §7.1.1). It is an `Error` so
/// that a refusal can travel as the failure of a `Result`.
public struct RTSPStatus: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: Int
    public var reasonPhrase: String

    /// A status with the RFC 2326 §7.1.1 reason phrase for `code` unless one is given.
    public init(code: Int, reasonPhrase: String? = nil) {
        self.code = code
        self.reasonPhrase = reasonPhrase ?? Self.standardReasonPhrase(for: code)
    }

    /// The RFC 2326 §7.1.1 reason phrase, or a generic one for codes it does not list.
    public static func standardReasonPhrase(for code: Int) -> String {
        if let phrase = reasonPhrases[code] { return phrase }
        switch code {
        case 100..<200: return "Informational"
        case 200..<300: return "Success"
        case 300..<400: return "Redirection"
        case 400..<500: return "Client Error"
        default: return "Server Error"
        }
    }

    // RFC 2326 §7.1.1.
    static let reasonPhrases: [Int: String] = [
        100: "Continue",
        200: "OK", 201: "Created", 250: "Low on Storage Space",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Moved Temporarily",
        303: "See Other", 304: "Not Modified", 305: "Use Proxy",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        407: "Proxy Authentication Required", 408: "Request Time-out", 410: "Gone",
        411: "Length Required", 412: "Precondition Failed", 413: "Request Entity Too Large",
        414: "Request-URI Too Large", 415: "Unsupported Media Type",
        451: "Parameter Not Understood", 452: "Conference Not Found",
        453: "Not Enough Bandwidth", 454: "Session Not Found",
        455: "Method Not Valid in This State", 456: "Header Field Not Valid for Resource",
        457: "Invalid Range", 458: "Parameter Is Read-Only",
        459: "Aggregate operation not allowed", 460: "Only aggregate operation allowed",
        461: "Unsupported transport", 462: "Destination unreachable",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Time-out",
        505: "RTSP Version not supported", 551: "Option not supported",
    ]

    public static let ok = RTSPStatus(code: 200)
    public static let badRequest = RTSPStatus(code: 400)
    public static let unauthorized = RTSPStatus(code: 401)
    public static let notFound = RTSPStatus(code: 404)
    public static let methodNotAllowed = RTSPStatus(code: 405)
    public static let notAcceptable = RTSPStatus(code: 406)
    public static let requestTimeout = RTSPStatus(code: 408)
    public static let requestEntityTooLarge = RTSPStatus(code: 413)
    public static let requestURITooLarge = RTSPStatus(code: 414)
    public static let parameterNotUnderstood = RTSPStatus(code: 451)
    public static let notEnoughBandwidth = RTSPStatus(code: 453)
    public static let sessionNotFound = RTSPStatus(code: 454)
    public static let methodNotValidInThisState = RTSPStatus(code: 455)
    public static let invalidRange = RTSPStatus(code: 457)
    public static let aggregateOperationNotAllowed = RTSPStatus(code: 459)
    public static let unsupportedTransport = RTSPStatus(code: 461)
    public static let internalServerError = RTSPStatus(code: 500)
    public static let notImplemented = RTSPStatus(code: 501)
    public static let serviceUnavailable = RTSPStatus(code: 503)
    public static let rtspVersionNotSupported = RTSPStatus(code: 505)
    public static let optionNotSupported = RTSPStatus(code: 551)

    public var description: String { "\(code) \(reasonPhrase)" }
}
