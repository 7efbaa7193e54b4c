/// Each service's `Capabilities` element, as `GetServiceCapabilities` and `GetServices`
/// with `IncludeCapability` write it (each service's WSDL, `Capabilities`).
enum ServiceCapabilities {
    static func write(_ service: ONVIFService, device: ONVIFDevice, into w: inout XMLWriter) {
        switch service {
        case .device: DeviceServiceResponses.deviceServiceCapabilities(device, into: &w)
        case .media: MediaServiceResponses.serviceCapabilities(device, into: &w)
        case .media2: Media2ServiceResponses.serviceCapabilities(device, into: &w)
        case .events: EventsServiceResponses.serviceCapabilities(device, into: &w)
        case .ptz: PTZServiceResponses.serviceCapabilities(device, into: &w)
        case .recording: RecordingServiceResponses.serviceCapabilities(device, into: &w)
        case .search: SearchServiceResponses.serviceCapabilities(device, into: &w)
        case .replay: ReplayServiceResponses.serviceCapabilities(device, into: &w)
        }
    }
}
