/// The media service's operations, ver10 (ONVIF Media Service Specification).
public enum MediaOperation: String, ONVIFServiceOperation {
    case getServiceCapabilities = "GetServiceCapabilities"
    case getProfiles = "GetProfiles"
    case getProfile = "GetProfile"
    case getStreamUri = "GetStreamUri"
    case getSnapshotUri = "GetSnapshotUri"
    case getVideoSources = "GetVideoSources"
    case getVideoSourceConfigurations = "GetVideoSourceConfigurations"
    case getVideoEncoderConfigurations = "GetVideoEncoderConfigurations"
    case getVideoEncoderConfiguration = "GetVideoEncoderConfiguration"
    case getVideoEncoderConfigurationOptions = "GetVideoEncoderConfigurationOptions"
    case setVideoEncoderConfiguration = "SetVideoEncoderConfiguration"
    case getAudioSources = "GetAudioSources"
    case getAudioSourceConfigurations = "GetAudioSourceConfigurations"
    case getAudioEncoderConfigurations = "GetAudioEncoderConfigurations"
    case getAudioOutputs = "GetAudioOutputs"
    case getAudioOutputConfigurations = "GetAudioOutputConfigurations"

    public static let service = ONVIFService.media

    public var accessClass: ONVIFAccessClass {
        switch self {
        case .getServiceCapabilities: .preAuthentication
        case .setVideoEncoderConfiguration: .actuate
        default: .read
        }
    }
}
