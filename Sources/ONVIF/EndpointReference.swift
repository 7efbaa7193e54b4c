import Crypto
import Foundation

/// A camera's WS-Addressing endpoint reference (ONVIF Core, "Device discovery": endpoint reference): a
/// `urn:uuid:` made from the camera's path and seed with a name-based UUID (RFC 9562 §5.5,
/// version 5: SHA-1 over a namespace and the name), so it is the same on every start and
/// differs between cameras.
public enum EndpointReference {
    /// camsim's own namespace for these names (a fixed random UUID).
    static let namespace: [UInt8] = [
        0x6C, 0x2B, 0x1E, 0x53, 0x0A, 0x94, 0x4F, 0x3D, 0x9B, 0x61, 0xC7, 0x2E, 0x85, 0x10, 0xF4, 0x3A,
    ]

    public static func uuid(path: String, seed: UInt64) -> String {
        var hash = Insecure.SHA1()
        hash.update(data: namespace)
        hash.update(data: Data("\(seed)/\(path)".utf8))
        var bytes = Array(hash.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }
        return groups.joined(separator: "-")
    }

    /// `urn:uuid:` and the UUID.
    public static func urn(path: String, seed: UInt64) -> String {
        "urn:uuid:" + uuid(path: path, seed: seed)
    }
}
