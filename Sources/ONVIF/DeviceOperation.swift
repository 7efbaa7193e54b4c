/// The device service's operations (ONVIF Core, "Device management").
public enum DeviceOperation: String, ONVIFServiceOperation {
    case getSystemDateAndTime = "GetSystemDateAndTime"
    case getDeviceInformation = "GetDeviceInformation"
    case getCapabilities = "GetCapabilities"
    case getServices = "GetServices"
    case getServiceCapabilities = "GetServiceCapabilities"
    case getScopes = "GetScopes"
    case setScopes = "SetScopes"
    case getNetworkInterfaces = "GetNetworkInterfaces"
    case getHostname = "GetHostname"
    case getUsers = "GetUsers"
    case systemReboot = "SystemReboot"

    public static let service = ONVIFService.device

    /// The date and time (which a client reads to set its clock before it can
    /// authenticate), the capabilities, the services and the host name are PRE_AUTH.
    public var accessClass: ONVIFAccessClass {
        switch self {
        case .getSystemDateAndTime, .getCapabilities, .getServices, .getServiceCapabilities, .getHostname: .preAuthentication
        case .getDeviceInformation, .getScopes, .getNetworkInterfaces: .read
        case .getUsers: .readSecret
        case .setScopes: .write
        case .systemReboot: .unrecoverable
        }
    }
}
