import ONVIF
import Synchronization

/// The UsernameToken verifier every ONVIF request shares, so a token accepted on one
/// connection is refused as a replay on any other.
final class ONVIFSecurity: Sendable {
    private let verifier = Mutex(UsernameTokenVerifier())

    func verify(_ token: UsernameToken, passwords: [String: String], now: Int64) -> Result<String, UsernameTokenVerifier.Rejection> {
        verifier.withLock { $0.verify(token, passwords: passwords, now: now) }
    }
}
