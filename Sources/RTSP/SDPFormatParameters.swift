/// The parameters of an `a=fmtp:<payload type> <parameters>` attribute (RFC 4566 §6), kept
/// as written, with a parsed `name=value` view for the common `;`-separated form.
public struct SDPFormatParameters: Hashable, Sendable, CustomStringConvertible {
    /// The text after the payload type and its spaces, unchanged.
    public var raw: String

    public init(_ raw: String) {
        self.raw = raw
    }

    /// One `name=value` piece; a piece without `=` has an empty value.
    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var value: String
    }

    /// The `;`-separated pieces, trimmed, empty ones skipped, in order.
    public var parameters: [Parameter] {
        HeaderSyntax.pieces(of: raw, at: UInt8(ascii: ";"), omittingEmpty: true).compactMap { piece in
            let (name, value) = HeaderSyntax.nameValue(String(piece))
            return name.isEmpty ? nil : Parameter(name: name, value: value ?? "")
        }
    }

    /// The first parameter called `name`, ignoring case (RFC 6184 §8.1 and RFC 3640 §4.1
    /// parameter names are case-insensitive).
    public subscript(name: String) -> String? {
        parameters.first { HeaderSyntax.equalsIgnoringCase($0.name, name) }?.value
    }

    public var description: String { raw }
}
