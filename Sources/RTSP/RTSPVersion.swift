/// A protocol version as written on a request or status line: `RTSP/1.0` (RFC 2326 §3.1).
/// The protocol name is kept so that `HTTP/1.0` and `HTTP/1.1` request lines parse too.
public struct RTSPVersion: Hashable, Sendable, CustomStringConvertible {
    /// Longest protocol name accepted (`RTSP`, `HTTP`).
    public static let maximumProtocolNameLength = 8
    /// Most digits accepted in the major or minor number.
    public static let maximumNumberDigits = 3

    public var protocolName: String
    public var major: Int
    public var minor: Int

    public init(protocolName: String = "RTSP", major: Int, minor: Int) {
        self.protocolName = protocolName
        self.major = major
        self.minor = minor
    }

    public static let rtsp10 = RTSPVersion(protocolName: "RTSP", major: 1, minor: 0)
    public static let http10 = RTSPVersion(protocolName: "HTTP", major: 1, minor: 0)
    public static let http11 = RTSPVersion(protocolName: "HTTP", major: 1, minor: 1)

    /// Parses `NAME/major.minor`, where NAME is letters only (case-sensitive, as in RFC 2326 §3.1).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let name = parts[0]
        guard !name.isEmpty, name.utf8.count <= Self.maximumProtocolNameLength,
              name.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        else { return nil }
        let numbers = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 2,
              let major = HeaderSyntax.parseDigits(numbers[0], maxDigits: Self.maximumNumberDigits),
              let minor = HeaderSyntax.parseDigits(numbers[1], maxDigits: Self.maximumNumberDigits)
        else { return nil }
        self.init(protocolName: String(name), major: major, minor: minor)
    }

    public var isRTSP: Bool { protocolName == "RTSP" }
    public var isHTTP: Bool { protocolName == "HTTP" }

    public var serialized: String { "\(protocolName)/\(major).\(minor)" }
    public var description: String { serialized }
}
