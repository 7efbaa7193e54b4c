import FuzzSupport
import ONVIF

/// Profile G's requests (recording, search, replay): any body is answered or refused with
/// a fault, never a trap, and the open searches stay within their bound however many
/// FindRecordings arrive.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordingSearch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let request = try? ONVIFDispatcher.accept(bytes, authorize: { _, _ in nil }) else { return 0 }
    let second: Int64 = 1_000_000_000
    let now: Int64 = 1_795_687_200 * second
    let recording = ONVIFRecording(
        token: "Recording_lobby",
        source: .init(sourceId: "urn:uuid:0", name: "lobby", location: "", description: "", address: "rtsp://h/lobby"),
        content: "c", tracks: [.init(token: "VIDEO001", type: .video, description: "v")],
        startNanoseconds: now - 3600 * second, endNanoseconds: nil, gaps: [(now - 60 * second)..<(now - 30 * second)],
        replayURI: "rtsp://h/lobby/playback")
    let device = ONVIFDevice(
        information: .init(manufacturer: "m", model: "m", firmwareVersion: "f", serialNumber: "s", hardwareId: "h"),
        endpointReference: "urn:uuid:0", hostname: "h", scopes: [], serviceRoot: "http://h", profiles: [])
    let context = RecordingServices.Context(recordings: [recording], owner: "lobby", sessionTimeoutSeconds: 60)
    var searches = RecordingSearchStore()
    for round in 0..<(RecordingSearchStore.maxSearches + 2) {
        _ = try? RecordingServices.answer(request, device: device, context: context, searches: &searches, now: now + Int64(round))
        invariant(searches.count(now: now) <= RecordingSearchStore.maxSearches, "\(searches.count(now: now)) searches open")
    }
    return 0
}
