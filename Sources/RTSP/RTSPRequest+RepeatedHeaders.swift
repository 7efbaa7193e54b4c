/// A header that may appear once appears again with a value that contradicts it. A server
/// answers 400 Bad Request.
public enum RepeatedHeaderError: Error, Hashable, Sendable {
    /// Two or more CSeq headers, equal or not: a request has one sequence number (RFC 2326 §12.17).
    case cSeq(values: [String])
    /// Session headers naming different sessions (RFC 2326 §12.37). The same session
    /// named twice, with or without a timeout, is tolerated.
    case session(values: [String])

    /// 400 Bad Request.
    public var status: RTSPStatus { .badRequest }
}

extension RTSPRequest {
    /// Checks the headers a request carries at most once: CSeq exactly once if present,
    /// Session only with values that name the same session.
    public func validateRepeatedHeaders() throws(RepeatedHeaderError) {
        let cSeqs = headers.values(CSeq.headerName)
        guard cSeqs.count <= 1 else { throw .cSeq(values: cSeqs) }
        let sessions = headers.values(SessionHeader.headerName)
        guard let first = sessions.first else { return }
        let id = Self.sessionID(first)
        for other in sessions.dropFirst() where Self.sessionID(other) != id {
            throw .session(values: sessions)
        }
    }

    /// The identifier a Session value names: parsed when valid, else the text before any `;`.
    private static func sessionID(_ value: String) -> String {
        if let header = SessionHeader(parsing: value) { return header.id }
        return HeaderSyntax.semicolonParts(value)[0]
    }
}
