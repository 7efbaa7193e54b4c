import FuzzSupport
import ONVIF

/// SOAP request bodies: the guard and the parser never trap, the guard refuses a body that
/// opens with a DOCTYPE, a body that parses names an operation, the dispatcher always answers with a
/// status SOAP 1.2's HTTP binding allows, and a UsernameToken read from it is verified
/// without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSOAPEnvelope(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let problem = XMLGuard().check(bytes)
    if bytes.starts(with: Array("<!DOCTYPE".utf8)) { invariant(problem != nil, "a DOCTYPE passed the guard") }
    if let envelope = try? SOAPEnvelope.parse(bytes) {
        invariant(problem == nil, "parsed a body the guard refused")
        invariant(!envelope.operation.name.local.isEmpty, "an operation without a name")
        if let token = try? UsernameToken.find(in: envelope.headers) {
            var verifier = UsernameTokenVerifier()
            _ = verifier.verify(token, passwords: ["admin": "secret"], now: 0)
        }
    }
    let device = ONVIFDevice(
        information: .init(manufacturer: "m", model: "m", firmwareVersion: "f", serialNumber: "s", hardwareId: "h"),
        endpointReference: "urn:uuid:0", hostname: "h", scopes: [], serviceRoot: "http://h",
        profiles: [])
    let reply = ONVIFDispatcher.reply(to: bytes, device: device, now: 0) { _ in nil }
    invariant([200, 400, 500].contains(reply.status), "status \(reply.status)")
    return 0
}
