/// Why a Scale header (RFC 2326 §12.34) does not parse. A server answers 400 Bad Request.
public enum ScaleHeaderError: Error, Hashable, Sendable {
    case empty
    /// Not `[ "-" ] 1*DIGIT [ "." *DIGIT ]`, or more digits than the limits allow.
    case invalidValue(String)

    /// 400 Bad Request.
    public var status: RTSPStatus { .badRequest }
}

/// The Scale header (RFC 2326 §12.34): the play speed relative to normal (1), negative for
/// reverse. A server states the scale it actually uses in its PLAY answer: `Scale: 1` on a
/// live stream, whatever was asked.
public struct ScaleHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "Scale"
    /// Most digits before the decimal point.
    public static let maximumIntegerDigits = 9
    /// Most digits after the decimal point; also the precision kept.
    public static let maximumFractionDigits = 6
    static let unitsPerOne = 1_000_000

    /// The value in millionths, exactly as parsed.
    private var millionths: Int

    /// `Scale: 1`, normal play.
    public static let normal = ScaleHeader(millionths: unitsPerOne)

    private init(millionths: Int) {
        self.millionths = millionths
    }

    /// A scale from a number; nil when it is not finite or needs more integer digits than
    /// the limit. Rounded to `maximumFractionDigits` decimals.
    public init?(_ value: Double) {
        let limit = 1e9  // 10^maximumIntegerDigits
        guard value.isFinite, abs(value) < limit else { return nil }
        self.init(millionths: Int((value * Double(Self.unitsPerOne)).rounded()))
    }

    public var value: Double { Double(millionths) / Double(Self.unitsPerOne) }

    /// `[ "-" ] 1*DIGIT [ "." *DIGIT ]`; whitespace around the value is allowed.
    public static func parse(_ text: String) throws(ScaleHeaderError) -> ScaleHeader {
        let trimmed = HeaderSyntax.trim(text)
        guard !trimmed.isEmpty else { throw .empty }
        var digits = Substring(trimmed)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = HeaderSyntax.parseDigits(parts[0], maxDigits: maximumIntegerDigits)
        else { throw .invalidValue(text) }
        var fraction = 0
        if parts.count == 2, !parts[1].isEmpty {
            guard let value = HeaderSyntax.parseDigits(parts[1], maxDigits: maximumFractionDigits) else {
                throw .invalidValue(text)
            }
            fraction = value
            for _ in parts[1].utf8.count..<maximumFractionDigits { fraction *= 10 }
        }
        let magnitude = whole * unitsPerOne + fraction
        return ScaleHeader(millionths: negative ? -magnitude : magnitude)
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    /// The shortest exact form: `1`, `-2`, `0.5`, `1.25`.
    public var serialized: String {
        let magnitude = abs(millionths)
        var text = (millionths < 0 ? "-" : "") + String(magnitude / Self.unitsPerOne)
        var fraction = magnitude % Self.unitsPerOne
        if fraction != 0 {
            var digits = Self.maximumFractionDigits
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let written = String(fraction)
            text += "." + String(repeating: "0", count: digits - written.count) + written
        }
        return text
    }

    public var description: String { serialized }
}
