/// The ONVIF services a camera can offer, each at `…/onvif/CAM/<pathComponent>` on the
/// control port, each with the WSDL namespace its operations are named in (ONVIF Core,
/// "Services"; the service specifications).
public enum ONVIFService: String, Sendable, CaseIterable {
    case device, media, media2, events, ptz, recording, search, replay

    /// The namespace of the service's operations and of `GetServices`' `Namespace`.
    public var namespace: String {
        switch self {
        case .device: SOAPNamespace.device
        case .media: SOAPNamespace.media
        case .media2: SOAPNamespace.media2
        case .events: SOAPNamespace.events
        case .ptz: SOAPNamespace.ptz
        case .recording: SOAPNamespace.recording
        case .search: SOAPNamespace.search
        case .replay: SOAPNamespace.replay
        }
    }

    /// The last path segment of the service's address (`device_service`).
    public var pathComponent: String { rawValue + "_service" }

    /// The service whose address ends in `component`.
    public init?(pathComponent component: String) {
        guard let service = Self.allCases.first(where: { $0.pathComponent == component }) else { return nil }
        self = service
    }
}
