/// URL handling the probe needs before any client is involved: credentials taken out of
/// `rtsp://user:pass@host/...` (RFC 3986 §3.2.1 userinfo, percent-decoded) and the URL
/// with them removed, for reports and logs, which never show a password.
public enum ProbeURL {
    /// The URL without its userinfo.
    public static func redacted(_ url: String) -> String {
        guard let (prefix, authority, rest) = split(url), let at = authority.lastIndex(of: "@") else { return url }
        return prefix + String(authority[authority.index(after: at)...]) + rest
    }

    /// The user and password in the URL's userinfo, percent-decoded; nil without one.
    public static func credentials(_ url: String) -> (user: String, password: String)? {
        guard let (_, authority, _) = split(url), let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let user = percentDecoded(String(parts[0]))
        let password = parts.count > 1 ? percentDecoded(String(parts[1])) : ""
        return (user, password)
    }

    /// URLs from the text of a `--urls-from` file: one per line, blank lines and lines
    /// starting with `#` skipped, at most `limit` kept.
    public static func list(_ text: String, limit: Int) -> [String] {
        var urls: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            urls.append(trimmed)
            if urls.count >= limit { break }
        }
        return urls
    }

    /// (scheme and "://", authority, the rest) of an absolute URL.
    static func split(_ url: String) -> (String, Substring, String)? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
        return (String(url[..<schemeEnd.upperBound]), afterScheme[..<authorityEnd], String(afterScheme[authorityEnd...]))
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    func trimmingCharacters(in characters: String) -> String {
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
