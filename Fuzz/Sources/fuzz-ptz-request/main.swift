import FuzzSupport
import ONVIF
import PTZ

/// PTZ requests: any body the dispatcher accepts as a PTZ operation is answered by the
/// head of a camera with `ptz:` with a response or a fault, never a trap, and whatever it
/// does, the head's position stays inside the generic spaces.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPTZRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let request = try? ONVIFDispatcher.accept(bytes, authorize: { _, _ in nil }) else { return 0 }
    let device = ONVIFDevice(
        information: .init(manufacturer: "m", model: "m", firmwareVersion: "f", serialNumber: "s", hardwareId: "h"),
        endpointReference: "urn:uuid:0", hostname: "h", scopes: [], serviceRoot: "http://h",
        profiles: [MediaProfile(streamName: "main", width: 640, height: 360, frameRate: 15, bitrate: 500, govLength: 30,
                                encoding: .jpeg, streamURI: "rtsp://h/c", snapshotURI: "http://h/s")])
    let head = PTZHead(settings: PTZSettings())
    let now: Int64 = 1_795_687_200_000_000_000
    _ = try? PTZService.answer(request, device: device, head: head, now: now)
    for offset in [0, 500_000_000, 60_000_000_000] as [Int64] {
        invariant(head.position(at: now + offset).isInRange, "the head left the generic spaces")
    }
    return 0
}
