import FuzzSupport
import RTSPAuth

/// `WWW-Authenticate` values: what parses is bounded, writes back to text that parses to
/// the same challenges, and a Digest challenge read from it round-trips too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWWWAuthenticate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let challenges = try? AuthHeaderValue.parseChallenges(text) else { return 0 }
    invariant(!challenges.isEmpty && challenges.count <= AuthHeaderValue.maximumChallenges, "\(challenges.count) challenges")
    for challenge in challenges {
        invariant(challenge.parameters.count <= AuthHeaderValue.maximumParameters, "\(challenge.parameters.count) parameters")
        if let digest = try? DigestChallenge(challenge) {
            let again = try? AuthHeaderValue.parseChallenges(digest.serialized)
            invariant(again?.count == 1 && (try? DigestChallenge(again![0])) == digest, "Digest round trip of \(digest.serialized)")
        }
    }
    let written = challenges.map(\.serialized).joined(separator: ", ")
    invariant((try? AuthHeaderValue.parseChallenges(written)) == challenges, "round trip of \(written)")
    return 0
}
