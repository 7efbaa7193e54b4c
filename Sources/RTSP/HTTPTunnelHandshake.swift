/// The HTTP request that opens one half of an RTSP-over-HTTP tunnel (the QuickTime
/// tunnelling scheme): `GET` opens the server-to-client channel, `POST` the
/// client-to-server one, both carrying the same `x-sessioncookie`. After the POST's
/// header block, the client sends base64-encoded RTSP; the POST's Content-Length is
/// a formality and is not waited for.
public struct HTTPTunnelHandshake: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        case get = "GET"
        case post = "POST"
    }

    /// Longest header block accepted before the tunnel is refused.
    public static let maximumHeaderBlockLength = 8 * 1024

    public var method: Method
    public var path: String
    public var sessionCookie: String
    public var headers: RTSPHeaders

    /// What the first bytes of a connection say.
    public enum Outcome: Hashable, Sendable {
        /// Not an HTTP tunnel request: parse the bytes as RTSP.
        case notATunnel
        /// Could be one: wait for more bytes.
        case needMore
        /// A tunnel request, and how many bytes its header block took.
        case handshake(HTTPTunnelHandshake, consumed: Int)
        /// An HTTP request that cannot open a tunnel (no cookie, too long, not GET/POST).
        case invalid(String)
    }

    /// Looks at the first bytes of a connection. Only `GET ` and `POST ` requests whose
    /// request line ends in `HTTP/1.x` are tunnel requests; everything else is RTSP.
    public static func parse(_ bytes: some RandomAccessCollection<UInt8>) -> Outcome {
        let prefix = Array(bytes.prefix(5))
        // The bytes so far are the start of the method, or the method and more.
        func mayBe(_ method: String) -> Bool {
            let word = Array(method.utf8)
            return word.starts(with: prefix) || prefix.starts(with: word)
        }
        guard mayBe("GET ") || mayBe("POST ") else { return .notATunnel }
        guard let end = headerEnd(bytes) else {
            return bytes.count > maximumHeaderBlockLength ? .invalid("header block over \(maximumHeaderBlockLength) bytes") : .needMore
        }
        let text = String(decoding: bytes.prefix(end), as: UTF8.self)
        // "\r\n" is one Character in Swift; isNewline covers it and a bare "\n".
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return .notATunnel }
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."),
              let method = Method(rawValue: String(requestLine[0]))
        else { return .notATunnel }
        var headers = RTSPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return .invalid("malformed header line") }
            headers.add(String(line[..<colon]), HeaderSyntax.trim(line[line.index(after: colon)...]))
        }
        guard let cookie = headers["x-sessioncookie"], !cookie.isEmpty, cookie.count <= 128 else {
            return .invalid("no x-sessioncookie")
        }
        return .handshake(
            HTTPTunnelHandshake(method: method, path: String(requestLine[1]), sessionCookie: cookie, headers: headers),
            consumed: end)
    }

    /// The reply that opens the server-to-client channel: no Content-Length, the
    /// stream of RTSP responses and interleaved RTP follows.
    public static func getReply() -> [UInt8] {
        Array(("HTTP/1.0 200 OK\r\nServer: camsim\r\nCache-Control: no-store\r\nPragma: no-cache\r\n"
            + "Content-Type: application/x-rtsp-tunnelled\r\n\r\n").utf8)
    }

    /// Index just past the blank line that ends the header block, or nil. Lines end in CRLF,
    /// LF or CR alone, as in RTSP (RFC 2326 §4): a CR ends its line at once, so a client that
    /// ends lines in CR is answered; an LF right after it is taken with it when it is there
    /// already, and otherwise is left to the bytes after the header block, where the tunnel
    /// skips it (whitespace in the base64 stream, a blank line in the RTSP stream).
    private static func headerEnd(_ bytes: some RandomAccessCollection<UInt8>) -> Int? {
        let window = Array(bytes.prefix(maximumHeaderBlockLength + 1))
        var index = 0
        var lineLength = 0
        var sawLine = false
        while index < min(window.count, maximumHeaderBlockLength) {
            let byte = window[index]
            index += 1
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                lineLength += 1
                continue
            }
            if byte == UInt8(ascii: "\r"), index < window.count, window[index] == UInt8(ascii: "\n") { index += 1 }
            if lineLength == 0, sawLine { return index }
            sawLine = true
            lineLength = 0
        }
        return nil
    }
}
