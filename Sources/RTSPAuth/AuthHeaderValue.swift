/// One challenge of a `WWW-Authenticate` header or the credentials of an `Authorization`
/// header (RFC 7235 §2.1): a scheme followed by either a `token68` or a list of
/// `name=value` parameters, each value a token or a quoted string.
///
/// Parameters keep their order and whether they were quoted, so a value written back
/// reads exactly as it was sent; `serialized` writes `Scheme name="v", name=v`.
public struct AuthHeaderValue: Hashable, Sendable, CustomStringConvertible {
    /// One `name=value` pair. `quoted` is how the value is written.
    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var value: String
        public var quoted: Bool

        public init(_ name: String, _ value: String, quoted: Bool = true) {
            self.name = name
            self.value = value
            self.quoted = quoted
        }
    }

    /// Longest header value read.
    public static let maximumLength = 8 * 1024
    /// Most parameters in one challenge or credential.
    public static let maximumParameters = 32
    /// Most challenges in one `WWW-Authenticate` value.
    public static let maximumChallenges = 8

    public var scheme: String
    /// `Basic dXNlcjpwYXNz`: the single token after the scheme.
    public var token68: String?
    public var parameters: [Parameter]

    public init(scheme: String, token68: String? = nil, parameters: [Parameter] = []) {
        self.scheme = scheme
        self.token68 = token68
        self.parameters = parameters
    }

    /// The value of parameter `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        parameters.first { AuthSyntax.equalsIgnoringCase($0.name, name) }?.value
    }

    /// Whether the scheme is `name`, ignoring case (RFC 7235 §2.1).
    public func hasScheme(_ name: String) -> Bool { AuthSyntax.equalsIgnoringCase(scheme, name) }

    public var serialized: String {
        var text = scheme
        if let token68 { return text + " " + token68 }
        guard !parameters.isEmpty else { return text }
        text += " "
        text += parameters.map { parameter in
            parameter.name + "=" + (parameter.quoted ? AuthSyntax.quoted(parameter.value) : parameter.value)
        }.joined(separator: ", ")
        return text
    }

    public var description: String { serialized }
}
