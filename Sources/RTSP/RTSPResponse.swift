/// An RTSP response (RFC 2326 §7): status line, headers and an optional body.
public struct RTSPResponse: Hashable, Sendable {
    public var version: RTSPVersion
    public var status: RTSPStatus
    public var headers: RTSPHeaders
    public var body: [UInt8]

    public init(
        version: RTSPVersion = .rtsp10, status: RTSPStatus,
        headers: RTSPHeaders = [:], body: [UInt8] = []
    ) {
        self.version = version
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The status line, headers and body with CRLF line endings (RFC 2326 §7.1).
    /// Content-Length is written whenever the body is non-empty.
    public func serialize() -> [UInt8] {
        MessageFraming.serialize(
            startLine: "\(version.serialized) \(status.code) \(status.reasonPhrase)",
            headers: headers, body: body)
    }
}
