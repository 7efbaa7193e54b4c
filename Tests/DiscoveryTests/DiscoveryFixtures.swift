import ONVIF
@testable import Discovery

enum DiscoveryFixtures {
    /// Camera `index` as a camsim camera announces itself.
    static func target(_ index: Int, host: String = "10.0.0.1", copies: Int = 1, silent: Bool = false) -> DiscoveryTarget {
        let name = "cam-" + String(index)
        return DiscoveryTarget(
            endpointReference: "urn:uuid:" + EndpointReference.uuid(path: name, seed: 0),
            scopes: [
                "onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/Profile/Streaming",
                "onvif://www.onvif.org/name/" + name, "onvif://www.onvif.org/hardware/camsim",
                "onvif://www.onvif.org/location/" + (index % 2 == 0 ? "even" : "odd"),
            ],
            xaddrs: ["http://\(host):8080/onvif/\(name)/device_service"], silent: silent, copies: copies)
    }

    static func targets(_ count: Int) -> [DiscoveryTarget] { (0..<count).map { target($0) } }

    /// The parsed envelope of a datagram camsim sent.
    static func parse(_ bytes: [UInt8]) throws -> XMLNode { try XMLNode.parse(bytes) }

    /// The endpoint references of a ProbeMatches datagram, in order.
    static func references(_ bytes: [UInt8]) throws -> [String] {
        let envelope = try parse(bytes)
        let matches = envelope.child("Body")?.child("ProbeMatches", in: WSDiscoveryNamespace.discovery)
        return (matches?.children("ProbeMatch") ?? []).compactMap {
            $0.child("EndpointReference")?.child("Address")?.trimmedText
        }
    }
}
