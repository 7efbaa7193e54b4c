/// The topics camsim's cameras raise (ONVIF Core, "Event handling", topic structure; the
/// ONVIF topic namespace `tns1:`), each a property (IsProperty="true") with the simple
/// items its messages carry: the source that names which one, and the data that says its state.
public enum EventTopic: String, CaseIterable, Sendable, Hashable {
    /// Cell motion detection's rule output (ONVIF Analytics, "Motion region detector" and
    /// "Cell motion detector" rules): `IsMotion`.
    case cellMotion = "RuleEngine/CellMotionDetector/Motion"
    /// The video source's own motion alarm: `State`.
    case motionAlarm = "VideoSource/MotionAlarm"
    /// Tampering: the whole scene changed or stopped (ONVIF Imaging, "Image tampering"): `State`.
    case globalSceneChange = "VideoSource/GlobalSceneChange/ImagingService"
    /// A digital input's logical state (ONVIF Device IO): `LogicalState`.
    case digitalInput = "Device/Trigger/DigitalInput"

    /// One `tt:SimpleItemDescription`: a name and its XML Schema type.
    public struct Item: Sendable, Equatable {
        public var name: String
        public var type: String
    }

    /// The topic path's parts (`["RuleEngine", "CellMotionDetector", "Motion"]`).
    public var parts: [Substring] { rawValue.split(separator: "/") }

    /// The topic as a ConcreteSet expression with camsim's prefix (`tns1:RuleEngine/…`).
    public var expression: String { "tns1:" + rawValue }

    /// The source items, in the order they are written.
    public var sourceItems: [Item] {
        switch self {
        case .cellMotion:
            [Item(name: "VideoSourceConfigurationToken", type: "tt:ReferenceToken"),
             Item(name: "VideoAnalyticsConfigurationToken", type: "tt:ReferenceToken"),
             Item(name: "Rule", type: "xs:string")]
        case .motionAlarm, .globalSceneChange: [Item(name: "Source", type: "tt:ReferenceToken")]
        case .digitalInput: [Item(name: "InputToken", type: "tt:ReferenceToken")]
        }
    }

    /// The one data item, a boolean.
    public var dataItem: Item {
        switch self {
        case .cellMotion: Item(name: "IsMotion", type: "xs:boolean")
        case .motionAlarm, .globalSceneChange: Item(name: "State", type: "xs:boolean")
        case .digitalInput: Item(name: "LogicalState", type: "xs:boolean")
        }
    }

    /// The source values of the camera's one video source (digital inputs name their own).
    public func videoSourceValues() -> [String] {
        switch self {
        case .cellMotion: [ONVIFDevice.videoSourceConfigurationToken, "VideoAnalyticsConfig_1", "MyMotionDetectorRule"]
        case .motionAlarm, .globalSceneChange: [ONVIFDevice.videoSourceToken]
        case .digitalInput: ["DigitalInput_1"]
        }
    }
}
