/// Session identifiers handed out in the Session header (RFC 2326 §12.37).
public enum RTSPSessionID {
    /// Characters in a generated identifier.
    public static let length = 16
    /// ALPHA and DIGIT, a subset of what §12.37 allows.
    public static let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// A new identifier of `length` alphanumeric characters drawn from `generator`.
    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
