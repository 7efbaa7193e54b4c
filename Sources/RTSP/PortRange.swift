/// A port or port pair from a Transport header, `port [ "-" port ]` (RFC 2326 §12.39).
/// A single port leaves `end` nil; RTCP then conventionally uses the next port.
public struct PortRange: Hashable, Sendable, CustomStringConvertible {
    /// `port = 1*5(DIGIT)` (RFC 2326 §12.39).
    public static let maximumDigits = 5

    public var start: UInt16
    public var end: UInt16?

    public init(start: UInt16, end: UInt16? = nil) {
        self.start = start
        self.end = end
    }

    /// Parses `5000` or `5000-5001`; the end may not be below the start.
    public init?(parsing text: String) {
        guard let (start, end) = RangeSyntax.parse(text, maxDigits: Self.maximumDigits, maxValue: Int(UInt16.max))
        else { return nil }
        self.init(start: UInt16(start), end: end.map { UInt16($0) })
    }

    /// The RTP port.
    public var rtpPort: UInt16 { start }
    /// The RTCP port: the end of the range, or the port after a single one.
    public var rtcpPort: UInt16? { end ?? (start < UInt16.max ? start + 1 : nil) }

    public var serialized: String { end.map { "\(start)-\($0)" } ?? "\(start)" }
    public var description: String { serialized }
}

/// An interleaved channel or channel pair, `channel [ "-" channel ]` (RFC 2326 §12.39).
public struct ChannelRange: Hashable, Sendable, CustomStringConvertible {
    /// `channel = 1*3(DIGIT)` (RFC 2326 §12.39).
    public static let maximumDigits = 3

    public var start: UInt8
    public var end: UInt8?

    public init(start: UInt8, end: UInt8? = nil) {
        self.start = start
        self.end = end
    }

    /// Parses `0` or `0-1`; values above 255 or an end below the start are rejected.
    public init?(parsing text: String) {
        guard let (start, end) = RangeSyntax.parse(text, maxDigits: Self.maximumDigits, maxValue: Int(UInt8.max))
        else { return nil }
        self.init(start: UInt8(start), end: end.map { UInt8($0) })
    }

    /// The channel carrying RTP.
    public var rtpChannel: UInt8 { start }
    /// The channel carrying RTCP: the end of the range, or the channel after a single one.
    public var rtcpChannel: UInt8? { end ?? (start < UInt8.max ? start + 1 : nil) }

    public var serialized: String { end.map { "\(start)-\($0)" } ?? "\(start)" }
    public var description: String { serialized }
}

enum RangeSyntax {
    static func parse(_ text: String, maxDigits: Int, maxValue: Int) -> (Int, Int?)? {
        let parts = HeaderSyntax.trim(text).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        guard let start = HeaderSyntax.parseDigits(parts[0], maxDigits: maxDigits), start <= maxValue
        else { return nil }
        guard parts.count == 2 else { return (start, nil) }
        guard let end = HeaderSyntax.parseDigits(parts[1], maxDigits: maxDigits), end <= maxValue, end >= start
        else { return nil }
        return (start, end)
    }
}
