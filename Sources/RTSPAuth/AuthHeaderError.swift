/// Why a `WWW-Authenticate` or `Authorization` value could not be read (RFC 7235 §2.1).
public enum AuthHeaderError: Error, Hashable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    case tooManyParameters(limit: Int)
    case tooManyChallenges(limit: Int)
    /// A scheme or parameter name was expected at this byte offset.
    case expectedToken(offset: Int)
    /// `name` not followed by `=` and a value.
    case expectedValue(name: String)
    case unterminatedQuotedString(name: String)
    /// Something other than `,` after a parameter.
    case expectedComma(offset: Int)
    /// The same parameter twice in one challenge or credential (RFC 7616 §3.3).
    case duplicateParameter(String)
    /// A required parameter of the scheme is missing (`nonce`, `uri`, ...).
    case missingParameter(String)
    /// A parameter value that does not fit its syntax (`nc` not 8 hex digits, ...).
    case invalidParameter(name: String, value: String)
    /// Basic credentials that are not base64 of `user:password` (RFC 7617 §2).
    case invalidBasicCredentials
    /// A different scheme than the one asked for.
    case wrongScheme(String)
}
