import Discovery
import FuzzSupport

/// WS-Discovery datagrams: parsing never traps, a Probe read has a bounded MessageID and
/// term count, and the responder answers any datagram with sends that are all under the
/// datagram budget and within APP_MAX_DELAY and the repeats of the time it arrived.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWSDiscoveryProbe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let probe = Probe.parse(bytes) {
        invariant(!probe.messageID.isEmpty && probe.messageID.utf8.count <= 256, "MessageID \(probe.messageID)")
        invariant(probe.scopes.count <= DiscoveryLimits.maxProbeTerms, "\(probe.scopes.count) scopes")
        invariant(probe.types.count <= DiscoveryLimits.maxProbeTerms, "\(probe.types.count) types")
    }
    var responder = DiscoveryResponder(instanceID: 1, seed: 1)
    let targets = [
        DiscoveryTarget(
            endpointReference: "urn:uuid:6c2b1e53-0a94-4f3d-9b61-c72e8510f43a",
            scopes: ["onvif://www.onvif.org/name/cam", "onvif://www.onvif.org/location/hall"],
            xaddrs: ["http://10.0.0.1:8080/onvif/cam/device_service"], copies: 2),
    ]
    for send in responder.receive(bytes, multicast: true, targets: targets, now: 0) {
        invariant(send.bytes.count < DiscoveryLimits.datagramBudget, "a \(send.bytes.count)-byte datagram")
        invariant(send.at >= 0 && send.at <= 2_000_000_000, "sent at \(send.at)")
    }
    return 0
}
