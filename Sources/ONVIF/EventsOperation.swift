/// The event service's operations (ONVIF Core, "Event handling"): the service's own, and
/// the pull point's and subscription manager's, two of which are WS-BaseNotification's.
public enum EventsOperation: String, ONVIFServiceOperation {
    case getServiceCapabilities = "GetServiceCapabilities"
    case getEventProperties = "GetEventProperties"
    case createPullPointSubscription = "CreatePullPointSubscription"
    case pullMessages = "PullMessages"
    case setSynchronizationPoint = "SetSynchronizationPoint"
    case renew = "Renew"
    case unsubscribe = "Unsubscribe"

    public static let service = ONVIFService.events

    /// `Renew` and `Unsubscribe` are named in WS-BaseNotification's namespace (`wsnt:`).
    public var name: XMLName {
        switch self {
        case .renew, .unsubscribe: XMLName(SOAPNamespace.notification, rawValue)
        default: XMLName(SOAPNamespace.events, rawValue)
        }
    }

    public var accessClass: ONVIFAccessClass {
        switch self {
        case .getServiceCapabilities: .preAuthentication
        case .getEventProperties: .read
        default: .actuate
        }
    }
}
