import Config
import ONVIF

extension ControlAPI {
    /// Applies an ONVIF `SetVideoEncoderConfiguration` to stream `stream` of the camera at
    /// `cameraPath` as the control API's camera routes change a camera: through the running
    /// configuration, announced as a reload, so the stream restarts encoded at the new
    /// settings and `GET /api/v1/config` shows them. The change lives as long as the
    /// process (`ForcePersistence` is accepted and changes nothing). A camera the server
    /// cannot run that way is `ter:InvalidArgVal/ter:ConfigModify`.
    func applyVideoEncoderSetting(_ setting: VideoEncoderSetting, stream: String, cameraPath: String) async throws(SOAPFault) {
        do {
            // The running configuration itself, not `change`, so a fault thrown inside stays one.
            _ = try await running.update(reason: "onvif: SetVideoEncoderConfiguration \(cameraPath) \(stream)") { config in
                guard let cameraIndex = config.cameras.firstIndex(where: { $0.path == cameraPath }),
                      let streamIndex = config.cameras[cameraIndex].streams.firstIndex(where: { $0.name == stream })
                else { throw SOAPFault.noConfig(stream) }
                var config = config
                try config.cameras[cameraIndex].streams[streamIndex].apply(setting)
                try check(config.cameras[cameraIndex], with: config)
                return config
            }
        } catch let fault as SOAPFault {
            throw fault
        } catch {
            throw SOAPFault.configModify("not applied: \(error)")
        }
    }
}

extension StreamConfig {
    /// x265's tunes (x265 --tune); a stream switched to H.265 keeps its tune only if x265 has it.
    static let x265TuneNames: Set<String> = ["animation", "grain", "psnr", "ssim", "fastdecode", "zerolatency"]

    /// The stream with `setting`'s codec, size, frame rate, bitrate and GOP; a JPEG size
    /// RFC 2435 cannot carry is `ter:ConfigModify`.
    mutating func apply(_ setting: VideoEncoderSetting) throws(SOAPFault) {
        switch setting.codec {
        case .h264(let name):
            codec = .h264
            profile = H264Profile(rawValue: name.lowercased()) ?? .high
        case .h265:
            codec = .h265
            if let tune, !tune.split(separator: ",").allSatisfy({ Self.x265TuneNames.contains(String($0)) }) {
                self.tune = "zerolatency"
            }
        case .jpeg:
            codec = .jpeg
        }
        width = setting.width
        height = setting.height
        fps = setting.frameRate
        if let kbps = setting.bitrate { rateControl = .bitrate(kbps: kbps) }
        gop = setting.govLength
        if codec == .jpeg, let problem = StreamConfig.jpegSizeProblem(width: width, height: height) {
            throw SOAPFault.configModify(problem)
        }
    }
}
