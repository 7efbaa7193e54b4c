import Config
import Server

extension CameraBackchannel {
    /// A camera's `backchannel:` as the server offers it.
    init(_ config: BackchannelConfig) {
        self.init(law: config.codec == .pcmu ? .muLaw : .aLaw, recordDirectory: config.recordDirectory)
    }
}
