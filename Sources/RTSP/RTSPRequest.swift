/// An RTSP request (RFC 2326 §6): request line, headers and an optional body.
public struct RTSPRequest: Hashable, Sendable {
    public var method: RTSPMethod
    public var uri: String
    public var version: RTSPVersion
    public var headers: RTSPHeaders
    public var body: [UInt8]

    public init(
        method: RTSPMethod, uri: String, version: RTSPVersion = .rtsp10,
        headers: RTSPHeaders = [:], body: [UInt8] = []
    ) {
        self.method = method
        self.uri = uri
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The request line, headers and body with CRLF line endings (RFC 2326 §6.1).
    /// Content-Length is rewritten from the body as `MessageFraming.headersForBody` describes.
    public func serialize() -> [UInt8] {
        MessageFraming.serialize(
            startLine: "\(method.name) \(uri) \(version.serialized)", headers: headers, body: body)
    }
}

/// Writing a start line, headers and body (RFC 2326 §4, §6, §7).
enum MessageFraming {
    static let contentLength = "Content-Length"

    /// Headers with Content-Length matching `body`: rewritten in place when present, appended
    /// at the end when absent, and removed when the body is empty (RFC 2326 §12.14).
    static func headersForBody(_ headers: RTSPHeaders, body: [UInt8]) -> RTSPHeaders {
        var result = headers
        if body.isEmpty {
            result.remove(contentLength)
        } else {
            let name = headers.fields.first { HeaderSyntax.equalsIgnoringCase($0.name, contentLength) }?.name
            result.set(name ?? contentLength, String(body.count))
        }
        return result
    }

    static func serialize(startLine: String, headers: RTSPHeaders, body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + body.count)
        appendLine(startLine, to: &out)
        for field in headersForBody(headers, body: body) {
            appendLine("\(field.name): \(field.value)", to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
        out.append(contentsOf: body)
        return out
    }

    /// Appends a line and CRLF; stray CR or LF inside it become spaces so that a value can
    /// never end a header early.
    private static func appendLine(_ line: String, to out: inout [UInt8]) {
        for byte in line.utf8 {
            out.append(byte == 0x0D || byte == 0x0A ? 0x20 : byte)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }
}
