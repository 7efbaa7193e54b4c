/// The operations camsim serves, each with its service namespace and its access class
/// (ONVIF Core, "Security", and the "Access class" of each operation's description): PRE_AUTH
/// operations answer without credentials, the others need a valid UsernameToken.
public enum ONVIFOperation: Sendable, CaseIterable {
    // Device service (ONVIF Core, "Device management").
    case getSystemDateAndTime, getDeviceInformation, getCapabilities, getServices, getDeviceServiceCapabilities
    case getScopes, getHostname
    // Media service ver10 (ONVIF Media Service Specification).
    case getProfiles, getProfile, getStreamUri, getSnapshotUri, getVideoSources, getVideoEncoderConfigurations
    case getMediaServiceCapabilities

    /// Who may call an operation.
    public enum AccessClass: Sendable {
        /// No credentials needed (PRE_AUTH).
        case preAuthentication
        /// READ_SYSTEM, READ_MEDIA: any configured user who may view the camera.
        case read
    }

    public var name: XMLName {
        switch self {
        case .getSystemDateAndTime: XMLName(SOAPNamespace.device, "GetSystemDateAndTime")
        case .getDeviceInformation: XMLName(SOAPNamespace.device, "GetDeviceInformation")
        case .getCapabilities: XMLName(SOAPNamespace.device, "GetCapabilities")
        case .getServices: XMLName(SOAPNamespace.device, "GetServices")
        case .getDeviceServiceCapabilities: XMLName(SOAPNamespace.device, "GetServiceCapabilities")
        case .getScopes: XMLName(SOAPNamespace.device, "GetScopes")
        case .getHostname: XMLName(SOAPNamespace.device, "GetHostname")
        case .getProfiles: XMLName(SOAPNamespace.media, "GetProfiles")
        case .getProfile: XMLName(SOAPNamespace.media, "GetProfile")
        case .getStreamUri: XMLName(SOAPNamespace.media, "GetStreamUri")
        case .getSnapshotUri: XMLName(SOAPNamespace.media, "GetSnapshotUri")
        case .getVideoSources: XMLName(SOAPNamespace.media, "GetVideoSources")
        case .getVideoEncoderConfigurations: XMLName(SOAPNamespace.media, "GetVideoEncoderConfigurations")
        case .getMediaServiceCapabilities: XMLName(SOAPNamespace.media, "GetServiceCapabilities")
        }
    }

    /// ONVIF Core's access classes: the date and time (which a client reads to set its
    /// clock before it can authenticate), the capabilities, the services and the host
    /// name are PRE_AUTH.
    public var accessClass: AccessClass {
        switch self {
        case .getSystemDateAndTime, .getCapabilities, .getServices, .getDeviceServiceCapabilities, .getHostname,
             .getMediaServiceCapabilities:
            .preAuthentication
        default:
            .read
        }
    }

    private static let byName: [XMLName: ONVIFOperation] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The operation a body element names, nil for one camsim does not serve.
    public init?(_ name: XMLName) {
        guard let operation = Self.byName[name] else { return nil }
        self = operation
    }
}
