/// A `text/parameters` body of GET_PARAMETER and SET_PARAMETER (RFC 2326 §10.8,
/// §10.9, and the example in §C.1): one parameter a line, `name` alone to ask for a
/// value, `name: value` to give one. Blank lines are skipped; names and values are
/// trimmed of spaces and tabs.
public struct TextParameters: Hashable, Sendable {
    public struct Parameter: Hashable, Sendable {
        public var name: String
        /// nil for a bare name (a GET_PARAMETER question).
        public var value: String?

        public init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    public var parameters: [Parameter]

    public init(parameters: [Parameter]) { self.parameters = parameters }

    /// The parameters of a body; CRLF, LF and CR all end a line.
    public init(parsing body: some Collection<UInt8>) {
        parameters = String(decoding: body, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .compactMap { line in
                let text = HeaderSyntax.trim(line)
                guard !text.isEmpty else { return nil }
                let (name, value) = HeaderSyntax.nameValue(text, separator: UInt8(ascii: ":"))
                return Parameter(name: name, value: value)
            }
    }

    public var isEmpty: Bool { parameters.isEmpty }
}
