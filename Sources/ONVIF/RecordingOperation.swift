/// The recording control service's operations (ONVIF Recording Control Service Specification; Profile G).
public enum RecordingOperation: String, ONVIFServiceOperation {
    case getServiceCapabilities = "GetServiceCapabilities"
    case getRecordings = "GetRecordings"

    public static let service = ONVIFService.recording

    public var accessClass: ONVIFAccessClass {
        self == .getServiceCapabilities ? .preAuthentication : .read
    }
}

/// The recording search service's operations (ONVIF Recording Search Service Specification).
public enum SearchOperation: String, ONVIFServiceOperation {
    case getServiceCapabilities = "GetServiceCapabilities"
    case getRecordingSummary = "GetRecordingSummary"
    case getRecordingInformation = "GetRecordingInformation"
    case findRecordings = "FindRecordings"
    case getRecordingSearchResults = "GetRecordingSearchResults"
    case findEvents = "FindEvents"
    case getEventSearchResults = "GetEventSearchResults"
    case endSearch = "EndSearch"

    public static let service = ONVIFService.search

    public var accessClass: ONVIFAccessClass {
        self == .getServiceCapabilities ? .preAuthentication : .read
    }
}

/// The replay control service's operations (ONVIF Replay Control Service Specification).
public enum ReplayOperation: String, ONVIFServiceOperation {
    case getServiceCapabilities = "GetServiceCapabilities"
    case getReplayUri = "GetReplayUri"
    case getReplayConfiguration = "GetReplayConfiguration"

    public static let service = ONVIFService.replay

    public var accessClass: ONVIFAccessClass {
        self == .getServiceCapabilities ? .preAuthentication : .read
    }
}
