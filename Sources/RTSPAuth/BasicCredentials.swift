import Foundation

/// `Authorization: Basic base64(user ":" password)` (RFC 7617 §2). The user name may not
/// contain a colon; the password may.
public struct BasicCredentials: Hashable, Sendable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public init(_ value: AuthHeaderValue) throws(AuthHeaderError) {
        guard value.hasScheme("Basic") else { throw .wrongScheme(value.scheme) }
        guard let token = value.token68, let data = Data(base64Encoded: token),
              let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":")
        else { throw .invalidBasicCredentials }
        username = String(text[..<colon])
        password = String(text[text.index(after: colon)...])
    }

    public static func parse(_ text: String) throws(AuthHeaderError) -> BasicCredentials {
        try BasicCredentials(AuthHeaderValue.parseCredentials(text))
    }

    public var headerValue: AuthHeaderValue {
        AuthHeaderValue(scheme: "Basic", token68: Data("\(username):\(password)".utf8).base64EncodedString())
    }

    public var serialized: String { headerValue.serialized }
}
