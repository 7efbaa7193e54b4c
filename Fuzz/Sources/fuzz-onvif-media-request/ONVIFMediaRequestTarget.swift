import FuzzSupport
import ONVIF

/// `SetVideoEncoderConfiguration` bodies (ver10 and Media2): reading and checking never
/// trap, a refusal is always an `env:Sender` `ter:InvalidArgVal` fault, and a setting that
/// passes is one the options allow (a size offered for its codec, a frame rate, bitrate and
/// GOP in range). Every other media operation in the input is answered without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzONVIFMediaRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let request = try? ONVIFDispatcher.accept(bytes, authorize: { _, _ in nil }) else { return 0 }
    let schema: VideoEncoderRequest.Schema
    switch request.operation {
    case .media(.setVideoEncoderConfiguration): schema = .ver10
    case .media2(.setVideoEncoderConfiguration): schema = .media2
    case .media, .media2:
        _ = try? ONVIFDispatcher.answer(request, device: device, now: 0)
        return 0
    default: return 0
    }
    do throws(SOAPFault) {
        let (stream, setting) = try VideoEncoderSetting.requested(by: request.body, device: device, schema: schema)
        let profile = device.profiles.first { $0.streamName == stream }!
        let options = VideoEncoderOptions(for: profile)
        let size = VideoEncoderOptions.Resolution(setting.width, setting.height)
        invariant((setting.codec == .jpeg ? options.jpegResolutions : options.resolutions).contains(size), "size \(size)")
        invariant(setting.frameRate == profile.frameRate || setting.frameRate >= 1 && setting.frameRate <= 60, "fps \(setting.frameRate)")
        invariant(setting.bitrate.map(options.bitrateRange.contains) ?? true, "bitrate \(String(describing: setting.bitrate))")
        invariant(setting.govLength == profile.govLength || options.govLengthRange.contains(setting.govLength), "gov \(setting.govLength)")
        invariant(schema == .media2 || setting.codec != .h265, "H.265 through ver10")
    } catch {
        invariant(error.code == .sender && error.subcodes.first == "InvalidArgVal", "fault \(error)")
    }
    return 0
}

/// A camera with an H.264 main stream and a JPEG sub stream, audio and a backchannel.
private let device: ONVIFDevice = {
    var device = ONVIFDevice(
        information: .init(manufacturer: "m", model: "m", firmwareVersion: "f", serialNumber: "s", hardwareId: "h"),
        endpointReference: "urn:uuid:0", hostname: "h", scopes: [], serviceRoot: "http://h",
        profiles: [
            MediaProfile(streamName: "main", width: 1280, height: 720, frameRate: 25, bitrate: 2000, govLength: 50,
                         encoding: .h264(profile: "High"), streamURI: "rtsp://h/c", snapshotURI: "http://h/s"),
            MediaProfile(streamName: "sub", width: 640, height: 360, frameRate: 10, bitrate: 500, govLength: 20,
                         encoding: .jpeg, streamURI: "rtsp://h/c/sub", snapshotURI: "http://h/s2"),
        ])
    device.audio = MediaAudio(track: .init(encoding: .g711(aLaw: false), sampleRate: 8000, channels: 1, bitrate: 64), backchannelALaw: true)
    return device
}()
