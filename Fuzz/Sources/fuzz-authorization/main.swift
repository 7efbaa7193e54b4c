import ConstantTime
import FuzzSupport
import RTSPAuth

/// `Authorization` values: credentials round-trip, Digest and Basic credentials read from
/// them round-trip, and checking them against a password (uri normalised, response
/// computed and compared) never traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuthorization(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let value = try? AuthHeaderValue.parseCredentials(text) else { return 0 }
    invariant((try? AuthHeaderValue.parseCredentials(value.serialized)) == value, "round trip of \(value.serialized)")
    if let digest = try? DigestCredentials(value) {
        invariant((try? DigestCredentials.parse(digest.serialized)) == digest, "Digest round trip of \(digest.serialized)")
        if let uri = DigestURI(digest.uri) {
            invariant(!uri.segments.contains("") && !uri.segments.contains(".") && !uri.segments.contains(".."),
                      "unnormalised segments \(uri.segments)")
            invariant(uri.namesSameResource(as: uri), "\(digest.uri) differs from itself")
        }
        if let expected = digest.computation(method: "DESCRIBE")?.response(password: "secret") {
            _ = ConstantTime.equalIgnoringCase(expected, digest.response)
        }
    }
    if let basic = try? BasicCredentials(value) {
        invariant(!basic.username.contains(":"), "a user name with a colon")
        invariant((try? BasicCredentials.parse(basic.serialized)) == basic, "Basic round trip of \(basic.serialized)")
    }
    return 0
}
