/// Why a Speed header does not parse: 400 Bad Request.
public enum SpeedHeaderError: Error, Hashable, Sendable {
    case empty
    /// Not a positive number, nor a range of two with the lower first, or more digits than
    /// `SpeedHeader.maximumIntegerDigits` / `maximumFractionDigits` allow.
    case invalidValue(String)

    public var status: RTSPStatus { .badRequest }
}

/// The Speed header: how fast the server should deliver the media, relative to real time,
/// without changing which media it is (unlike Scale). RFC 2326 §12.35 gives one value,
/// `Speed: 2.5`; RFC 7826 §18.50 a range, `Speed: 1.0-2.5`, that the server picks from.
///
///     Speed = "Speed" ":" speed-value [ "-" speed-value ]
///     speed-value = 1*DIGIT [ "." *DIGIT ]        (positive)
public struct SpeedHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "Speed"
    public static let maximumIntegerDigits = 6
    public static let maximumFractionDigits = 6
    static let unitsPerOne = 1_000_000

    /// The bounds in millionths; equal for a single value.
    private var lowerMillionths: Int
    private var upperMillionths: Int

    public var lowerBound: Double { Double(lowerMillionths) / Double(Self.unitsPerOne) }
    public var upperBound: Double { Double(upperMillionths) / Double(Self.unitsPerOne) }
    public var isRange: Bool { lowerMillionths != upperMillionths }

    /// Delivery at normal speed.
    public static let normal = SpeedHeader(lower: unitsPerOne, upper: unitsPerOne)

    private init(lower: Int, upper: Int) {
        lowerMillionths = lower
        upperMillionths = upper
    }

    public static func parse(_ text: String) throws(SpeedHeaderError) -> SpeedHeader {
        let trimmed = HeaderSyntax.trim(text)
        guard !trimmed.isEmpty else { throw .empty }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .invalidValue(String(trimmed.prefix(64))) }
        guard let lower = value(HeaderSyntax.trim(parts[0])) else { throw .invalidValue(String(trimmed.prefix(64))) }
        var upper = lower
        if parts.count == 2 {
            guard let value = value(HeaderSyntax.trim(parts[1])), value >= lower else {
                throw .invalidValue(String(trimmed.prefix(64)))
            }
            upper = value
        }
        return SpeedHeader(lower: lower, upper: upper)
    }

    /// `1*DIGIT [ "." *DIGIT ]` in millionths, above zero.
    private static func value(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = HeaderSyntax.parseDigits(parts[0], maxDigits: maximumIntegerDigits) else { return nil }
        var fraction = 0
        if parts.count == 2, !parts[1].isEmpty {
            guard let digits = HeaderSyntax.parseDigits(parts[1], maxDigits: maximumFractionDigits) else { return nil }
            fraction = digits
            for _ in parts[1].utf8.count..<maximumFractionDigits { fraction *= 10 }
        }
        let total = whole * unitsPerOne + fraction
        return total > 0 ? total : nil
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    /// Shortest exact form: `1`, `2.5`, `1-2.5`.
    public var serialized: String {
        func format(_ millionths: Int) -> String {
            let whole = millionths / Self.unitsPerOne, fraction = millionths % Self.unitsPerOne
            guard fraction != 0 else { return "\(whole)" }
            var digits = String(fraction)
            digits = String(repeating: "0", count: Self.maximumFractionDigits - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            return "\(whole).\(digits)"
        }
        return isRange ? "\(format(lowerMillionths))-\(format(upperMillionths))" : format(lowerMillionths)
    }

    public var description: String { serialized }
}
