/// An `a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`
/// attribute (RFC 4566 §6). For audio the encoding parameters are the channel count.
public struct SDPRTPMap: Hashable, Sendable {
    /// Most digits read for a clock rate (RTP timestamps are 32 bits).
    public static let maximumClockRateDigits = 10
    /// Most digits read for a channel count.
    public static let maximumChannelDigits = 3

    /// As written, e.g. `H264`, `PCMU`, `MPEG4-GENERIC`; compare without case (RFC 4855 §3).
    public var encodingName: String
    public var clockRate: Int
    public var channels: Int?

    public init(encodingName: String, clockRate: Int, channels: Int? = nil) {
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
    }

    /// `<encoding name>/<clock rate>[/<channels>]`.
    public var serialized: String {
        "\(encodingName)/\(clockRate)" + (channels.map { "/\($0)" } ?? "")
    }

    /// Reads the text after the payload type; surrounding spaces are ignored. nil when it is
    /// not an encoding name with a clock rate.
    public init?(parsing text: some StringProtocol) {
        let parts = HeaderSyntax.pieces(of: HeaderSyntax.trim(text), at: UInt8(ascii: "/"))
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty,
              let rate = HeaderSyntax.parseDigits(parts[1], maxDigits: Self.maximumClockRateDigits)
        else { return nil }
        var channels: Int?
        if parts.count == 3 {
            guard let count = HeaderSyntax.parseDigits(parts[2], maxDigits: Self.maximumChannelDigits) else { return nil }
            channels = count
        }
        self.init(encodingName: String(parts[0]), clockRate: rate, channels: channels)
    }

    /// True when the encoding name is `name`, ignoring case.
    public func isEncoding(_ name: String) -> Bool {
        HeaderSyntax.equalsIgnoringCase(encodingName, name)
    }
}
