/// What the authenticator decided about one request.
public enum AuthDecision: Hashable, Sendable {
    /// The request may go ahead as `user`. `nonceIssuedAt` is the issue time of the
    /// Digest nonce it answered (nil for Basic).
    case accepted(user: String, nonceIssuedAt: Int64?)
    /// Answer 401 with these `WWW-Authenticate` values, after `delay` nanoseconds.
    case challenge(headers: [String], cause: Cause, delay: Int64)
    /// Answer 403: the address is locked out, or the user may not watch this camera.
    case forbidden(cause: Cause)

    /// Why a request was not accepted.
    public enum Cause: String, Hashable, Sendable {
        /// No `Authorization` header: the normal first 401.
        case noCredentials = "no credentials"
        /// A scheme, realm or algorithm the challenge did not offer, or a header that
        /// does not parse.
        case unusableCredentials = "credentials that answer no challenge"
        /// A nonce this server did not issue to this address.
        case unknownNonce = "unknown nonce"
        /// The `uri` parameter names another resource than the request line.
        case uriMismatch = "uri parameter names another resource"
        /// An unknown user or a wrong password.
        case wrongCredentials = "wrong credentials"
        /// An `nc` that did not increase.
        case replayedNonceCount = "nonce count did not increase"
        /// A correct answer to an expired nonce: the challenge says `stale=TRUE`.
        case staleNonce = "stale nonce"
        /// A correct answer refused by the reject-first fault.
        case rejectedByFault = "correct answer rejected by a fault"
        /// Too many failures from this address (the lockout fault).
        case lockedOut = "locked out after repeated failures"
        /// The user may not watch this camera.
        case notPermitted = "user may not watch this camera"
    }

    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}
