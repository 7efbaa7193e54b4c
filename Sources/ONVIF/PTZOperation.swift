/// The PTZ service's operations, ver20 (ONVIF PTZ Service Specification).
public enum PTZOperation: String, ONVIFServiceOperation {
    case getServiceCapabilities = "GetServiceCapabilities"
    case getConfigurations = "GetConfigurations"
    case getConfiguration = "GetConfiguration"
    case getConfigurationOptions = "GetConfigurationOptions"
    case getNodes = "GetNodes"
    case getNode = "GetNode"
    case continuousMove = "ContinuousMove"
    case absoluteMove = "AbsoluteMove"
    case relativeMove = "RelativeMove"
    case stop = "Stop"
    case getStatus = "GetStatus"
    case getPresets = "GetPresets"
    case setPreset = "SetPreset"
    case gotoPreset = "GotoPreset"
    case removePreset = "RemovePreset"
    case gotoHomePosition = "GotoHomePosition"
    case setHomePosition = "SetHomePosition"

    public static let service = ONVIFService.ptz

    public var accessClass: ONVIFAccessClass {
        switch self {
        case .getServiceCapabilities: .preAuthentication
        case .getConfigurations, .getConfiguration, .getConfigurationOptions, .getNodes, .getNode, .getStatus, .getPresets: .read
        default: .actuate
        }
    }
}
