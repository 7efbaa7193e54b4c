/// The media service's operations, ver20 ("Media2"; ONVIF Media2 Service Specification).
public enum Media2Operation: String, ONVIFServiceOperation {
    case getServiceCapabilities = "GetServiceCapabilities"
    case getProfiles = "GetProfiles"
    case getStreamUri = "GetStreamUri"
    case getSnapshotUri = "GetSnapshotUri"
    case getVideoSourceConfigurations = "GetVideoSourceConfigurations"
    case getVideoEncoderConfigurations = "GetVideoEncoderConfigurations"
    case getVideoEncoderConfigurationOptions = "GetVideoEncoderConfigurationOptions"
    case setVideoEncoderConfiguration = "SetVideoEncoderConfiguration"
    case getAudioSourceConfigurations = "GetAudioSourceConfigurations"
    case getAudioEncoderConfigurations = "GetAudioEncoderConfigurations"
    case getAudioOutputConfigurations = "GetAudioOutputConfigurations"

    public static let service = ONVIFService.media2

    public var accessClass: ONVIFAccessClass {
        switch self {
        case .getServiceCapabilities: .preAuthentication
        case .setVideoEncoderConfiguration: .actuate
        default: .read
        }
    }
}
