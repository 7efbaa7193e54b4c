import AAC
import Config
import Foundation
import ONVIF

extension ONVIFDevice {
    /// The device with what the media services add to it: the camera's `audio:` track and
    /// `backchannel:` (``MediaAudio``), and each profile's `rtsps://` URL when RTSPS is
    /// served on `tlsPort` (the same host and path as its `rtsp://` URL).
    func withMedia(camera: CameraConfig, tlsPort: Int?) -> ONVIFDevice {
        var device = self
        device.audio = MediaAudio(camera: camera)
        if let tlsPort {
            for index in device.profiles.indices {
                guard var url = URLComponents(string: device.profiles[index].streamURI) else { continue }
                url.scheme = "rtsps"
                url.port = tlsPort
                device.profiles[index].secureStreamURI = url.string
            }
        }
        return device
    }
}

extension MediaAudio {
    /// The audio a camera's configuration gives it: G.711 at 64 kbit/s (8 bits a sample at
    /// 8 kHz, RFC 3551 §4.5.14), AAC at the bitrate its encoder is opened with.
    init(camera: CameraConfig) {
        let track = camera.audio.map { audio -> Track in
            switch audio.codec {
            case .pcmu, .pcma:
                return Track(encoding: .g711(aLaw: audio.codec == .pcma), sampleRate: audio.rate, channels: 1, bitrate: 8 * audio.rate / 1000)
            case .aac:
                let settings = AACEncoderSettings(sampleRate: audio.rate, channels: audio.channels)
                return Track(encoding: .aac, sampleRate: audio.rate, channels: audio.channels, bitrate: settings.bitRate / 1000)
            }
        }
        self.init(track: track, backchannelALaw: camera.backchannel.map { $0.codec == .pcma })
    }
}
