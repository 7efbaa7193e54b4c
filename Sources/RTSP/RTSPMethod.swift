/// An RTSP request method (RFC 2326 §6.1, §10). Method names are case-sensitive;
/// anything not defined by RFC 2326 is kept as `.other`.
public enum RTSPMethod: Hashable, Sendable, CustomStringConvertible {
    case options
    case describe
    case setup
    case play
    case pause
    case teardown
    case getParameter
    case setParameter
    case announce
    case record
    case redirect
    case other(String)

    /// The methods RFC 2326 defines, in the order of §10.
    public static let standard: [RTSPMethod] = [
        .options, .describe, .announce, .setup, .play, .pause, .teardown,
        .getParameter, .setParameter, .redirect, .record,
    ]

    /// Maps a method token to a case; unknown or differently cased tokens become `.other`.
    public init(_ token: String) {
        self = Self.standard.first { $0.name == token } ?? .other(token)
    }

    /// The method token as it appears on the request line.
    public var name: String {
        switch self {
        case .options: "OPTIONS"
        case .describe: "DESCRIBE"
        case .setup: "SETUP"
        case .play: "PLAY"
        case .pause: "PAUSE"
        case .teardown: "TEARDOWN"
        case .getParameter: "GET_PARAMETER"
        case .setParameter: "SET_PARAMETER"
        case .announce: "ANNOUNCE"
        case .record: "RECORD"
        case .redirect: "REDIRECT"
        case .other(let token): token
        }
    }

    public var description: String { name }
}
