/// Why an ONVIF replay yes/no header (`Rate-Control`, `Immediate`) does not parse: 400 Bad Request.
public enum ONVIFYesNoHeaderError: Error, Hashable, Sendable {
    case empty
    /// Neither `yes` nor `no`.
    case invalidValue(String)

    public var status: RTSPStatus { .badRequest }
}

/// The two yes/no headers of ONVIF replay (ONVIF Streaming Specification, "RTSP replay"):
/// `Rate-Control: no` asks for the media as fast as the connection takes it, with RTP
/// timestamps from the capture instants (the default, `yes`, paces it in real time);
/// `Immediate: yes` makes a PLAY while playing take effect at once, without waiting for
/// the previous one to finish. The value is case-insensitive; whitespace around it is allowed.
public struct ONVIFYesNoHeader: Hashable, Sendable, CustomStringConvertible {
    public static let rateControlName = "Rate-Control"
    public static let immediateName = "Immediate"
    /// Longest value read; anything longer is no `yes` or `no`.
    public static let maximumLength = 16

    public var value: Bool

    public init(_ value: Bool) { self.value = value }

    public static func parse(_ text: String) throws(ONVIFYesNoHeaderError) -> ONVIFYesNoHeader {
        let trimmed = HeaderSyntax.trim(text)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.utf8.count <= maximumLength else { throw .invalidValue(String(text.prefix(maximumLength))) }
        switch trimmed.lowercased() {
        case "yes": return ONVIFYesNoHeader(true)
        case "no": return ONVIFYesNoHeader(false)
        default: throw .invalidValue(String(trimmed))
        }
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    public var serialized: String { value ? "yes" : "no" }
    public var description: String { serialized }
}
