/// An operation camsim serves, by service: the body element of a request names it (its
/// namespace is the service's, ``ONVIFService/namespace``).
public enum ONVIFOperation: Sendable, Hashable {
    case device(DeviceOperation)
    case media(MediaOperation)
    case media2(Media2Operation)
    case events(EventsOperation)
    case ptz(PTZOperation)
    case recording(RecordingOperation)
    case search(SearchOperation)
    case replay(ReplayOperation)

    /// The operation a body element names, nil for one camsim does not serve.
    public init?(_ name: XMLName) {
        if let op = DeviceOperation.named(name) { self = .device(op) }
        else if let op = MediaOperation.named(name) { self = .media(op) }
        else if let op = Media2Operation.named(name) { self = .media2(op) }
        else if let op = EventsOperation.named(name) { self = .events(op) }
        else if let op = PTZOperation.named(name) { self = .ptz(op) }
        else if let op = RecordingOperation.named(name) { self = .recording(op) }
        else if let op = SearchOperation.named(name) { self = .search(op) }
        else if let op = ReplayOperation.named(name) { self = .replay(op) }
        else { return nil }
    }

    public var service: ONVIFService {
        switch self {
        case .device: .device
        case .media: .media
        case .media2: .media2
        case .events: .events
        case .ptz: .ptz
        case .recording: .recording
        case .search: .search
        case .replay: .replay
        }
    }

    public var accessClass: ONVIFAccessClass {
        switch self {
        case .device(let op): op.accessClass
        case .media(let op): op.accessClass
        case .media2(let op): op.accessClass
        case .events(let op): op.accessClass
        case .ptz(let op): op.accessClass
        case .recording(let op): op.accessClass
        case .search(let op): op.accessClass
        case .replay(let op): op.accessClass
        }
    }

    /// The operation's local name (`GetProfiles`), for logs and fault configuration.
    public var localName: String {
        switch self {
        case .device(let op): op.rawValue
        case .media(let op): op.rawValue
        case .media2(let op): op.rawValue
        case .events(let op): op.rawValue
        case .ptz(let op): op.rawValue
        case .recording(let op): op.rawValue
        case .search(let op): op.rawValue
        case .replay(let op): op.rawValue
        }
    }
}
