import PTZ

/// The arguments of a PTZ operation that commands or reads the head, read from its body
/// element (ONVIF PTZ Service Specification, ver20 ptz.wsdl; vectors are `tt:PTZVector`
/// and `tt:PTZSpeed`, whose `PanTilt` has `x` and `y` and whose `Zoom` has `x`, each an
/// `xs:float` attribute with an optional `space` URI). A value that cannot be read is the
/// fault the specification names, never a trap.
public enum PTZRequest: Sendable, Equatable {
    case getStatus
    case getPresets
    case absoluteMove(PTZAxes, speed: PTZSpeedRequest)
    case relativeMove(PTZAxes, speed: PTZSpeedRequest)
    /// The Timeout in nanoseconds, nil when not given.
    case continuousMove(PTZAxes, timeout: Int64?)
    case stop(panTilt: Bool, zoom: Bool)
    case setPreset(token: String?, name: String?)
    case gotoPreset(token: String, speed: PTZSpeedRequest)
    case removePreset(token: String)
    case gotoHomePosition(speed: PTZSpeedRequest)
    case setHomePosition

    /// The longest token or preset name read (`tt:ReferenceToken` and `tt:Name` are 64
    /// characters; a little room is left for clients that overstep).
    public static let maxTokenLength = 128

    /// The operation's request, or nil for an operation that only describes the service
    /// (`GetNodes`, `GetConfigurations`, …), which ``PTZServiceResponses`` answers from the device.
    public static func parse(_ operation: PTZOperation, body: XMLNode) throws(SOAPFault) -> PTZRequest? {
        switch operation {
        case .getStatus: return .getStatus
        case .getPresets: return .getPresets
        case .absoluteMove:
            return .absoluteMove(try axes(body, "Position", required: true, spaces: .position), speed: try speed(body))
        case .relativeMove:
            return .relativeMove(try axes(body, "Translation", required: true, spaces: .translation), speed: try speed(body))
        case .continuousMove:
            let velocity = try axes(body, "Velocity", required: true, spaces: .velocity)
            var timeout: Int64?
            if let node = body.child("Timeout", in: SOAPNamespace.ptz) {
                guard let nanoseconds = XSDuration.parse(node.trimmedText) else {
                    throw SOAPFault.invalidArgVal("TimeoutNotSupported", "the Timeout '\(node.trimmedText.prefix(40))' is not an xs:duration")
                }
                timeout = nanoseconds
            }
            return .continuousMove(velocity, timeout: timeout)
        case .stop:
            return .stop(panTilt: try flag(body, "PanTilt"), zoom: try flag(body, "Zoom"))
        case .setPreset:
            return .setPreset(token: try text(body, "PresetToken"), name: try text(body, "PresetName"))
        case .gotoPreset:
            return .gotoPreset(token: try requiredToken(body), speed: try speed(body))
        case .removePreset:
            return .removePreset(token: try requiredToken(body))
        case .gotoHomePosition:
            return .gotoHomePosition(speed: try speed(body))
        case .setHomePosition:
            return .setHomePosition
        case .getServiceCapabilities, .getConfigurations, .getConfiguration, .getConfigurationOptions, .getNodes, .getNode:
            return nil
        }
    }

    /// The spaces a vector may name (tt:PTZSpaces): the generic ones, the only ones served.
    enum Spaces {
        case position, translation, velocity, speed

        var panTilt: String {
            switch self {
            case .position: PTZSpaceURI.panTiltPosition
            case .translation: PTZSpaceURI.panTiltTranslation
            case .velocity: PTZSpaceURI.panTiltVelocity
            case .speed: PTZSpaceURI.panTiltSpeed
            }
        }

        var zoom: String {
            switch self {
            case .position: PTZSpaceURI.zoomPosition
            case .translation: PTZSpaceURI.zoomTranslation
            case .velocity: PTZSpaceURI.zoomVelocity
            case .speed: PTZSpaceURI.zoomSpeed
            }
        }
    }

    /// A `tt:PTZVector` or `tt:PTZSpeed` child: its `PanTilt` and `Zoom`, each optional.
    static func axes(_ body: XMLNode, _ name: String, required: Bool, spaces: Spaces) throws(SOAPFault) -> PTZAxes {
        guard let vector = body.child(name, in: SOAPNamespace.ptz) else {
            if required { throw SOAPFault.invalidArgVal(nil, "\(name) is missing") }
            return PTZAxes()
        }
        var axes = PTZAxes()
        if let panTilt = vector.child("PanTilt", in: SOAPNamespace.schema) {
            try checkSpace(panTilt, spaces.panTilt, name)
            axes.panTilt = PTZAxes.PanTilt(x: try number(panTilt, "x", name), y: try number(panTilt, "y", name))
        }
        if let zoom = vector.child("Zoom", in: SOAPNamespace.schema) {
            try checkSpace(zoom, spaces.zoom, name)
            axes.zoom = try number(zoom, "x", name)
        }
        return axes
    }

    /// The optional `Speed`, as fractions of full speed.
    static func speed(_ body: XMLNode) throws(SOAPFault) -> PTZSpeedRequest {
        let axes = try axes(body, "Speed", required: false, spaces: .speed)
        return PTZSpeedRequest(panTilt: axes.panTilt?.x, zoom: axes.zoom)
    }

    /// A space other than the generic one is `ter:InvalidArgVal/ter:SpaceNotSupported`.
    private static func checkSpace(_ node: XMLNode, _ generic: String, _ name: String) throws(SOAPFault) {
        guard let space = node.attributes[XMLName("", "space")] else { return }
        let trimmed = XMLNode(name: node.name, text: space).trimmedText
        guard trimmed == generic else {
            throw SOAPFault.invalidArgVal("SpaceNotSupported", "\(name) names the space '\(trimmed.prefix(120))'; only \(generic) is served")
        }
    }

    /// A finite `xs:float` attribute.
    private static func number(_ node: XMLNode, _ attribute: String, _ name: String) throws(SOAPFault) -> Double {
        let raw = node.attributes[XMLName("", attribute)] ?? ""
        let text = XMLNode(name: node.name, text: raw).trimmedText
        guard text.utf8.count <= 64, let value = Self.float(text) else {
            throw SOAPFault.invalidArgVal(nil, "\(name)/\(node.name.local)/@\(attribute) '\(text.prefix(64))' is not a number")
        }
        return value
    }

    /// An `xs:float` lexical value (XML Schema Part 2 §3.2.4.1: an optional sign, digits with an
    /// optional point, an optional exponent), finite; `INF` and `NaN` are refused.
    static func float(_ text: String) -> Double? {
        var sawDigit = false, sawPoint = false, sawExponent = false, previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                sawDigit = false
            default: return nil
            }
            previous = byte
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// `Stop`'s `PanTilt` or `Zoom`: an `xs:boolean`, true when absent.
    private static func flag(_ body: XMLNode, _ name: String) throws(SOAPFault) -> Bool {
        guard let node = body.child(name, in: SOAPNamespace.ptz) else { return true }
        switch node.trimmedText {
        case "true", "1": return true
        case "false", "0": return false
        default: throw SOAPFault.invalidArgVal(nil, "\(name) '\(node.trimmedText.prefix(20))' is not an xs:boolean")
        }
    }

    /// An optional token or name: nil when absent or empty.
    private static func text(_ body: XMLNode, _ name: String) throws(SOAPFault) -> String? {
        guard let node = body.child(name, in: SOAPNamespace.ptz) else { return nil }
        let value = node.trimmedText
        guard value.count <= maxTokenLength else { throw SOAPFault.invalidArgVal(nil, "\(name) is longer than \(maxTokenLength) characters") }
        return value.isEmpty ? nil : value
    }

    private static func requiredToken(_ body: XMLNode) throws(SOAPFault) -> String {
        guard let token = try text(body, "PresetToken") else { throw SOAPFault.invalidArgVal("NoToken", "PresetToken is missing") }
        return token
    }
}

/// The axes a vector of a request gives: pan and tilt together, zoom, either or both.
public struct PTZAxes: Sendable, Equatable {
    public struct PanTilt: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public var panTilt: PanTilt?
    public var zoom: Double?

    public init(panTilt: PanTilt? = nil, zoom: Double? = nil) {
        self.panTilt = panTilt
        self.zoom = zoom
    }
}

/// The generic spaces (ONVIF PTZ Service Specification, "Generic spaces"), the only ones the
/// virtual head has.
public enum PTZSpaceURI {
    static let base = "http://www.onvif.org/ver10/tptz/"
    public static let panTiltPosition = base + "PanTiltSpaces/PositionGenericSpace"
    public static let zoomPosition = base + "ZoomSpaces/PositionGenericSpace"
    public static let panTiltTranslation = base + "PanTiltSpaces/TranslationGenericSpace"
    public static let zoomTranslation = base + "ZoomSpaces/TranslationGenericSpace"
    public static let panTiltVelocity = base + "PanTiltSpaces/VelocityGenericSpace"
    public static let zoomVelocity = base + "ZoomSpaces/VelocityGenericSpace"
    public static let panTiltSpeed = base + "PanTiltSpaces/GenericSpeedSpace"
    public static let zoomSpeed = base + "ZoomSpaces/ZoomGenericSpeedSpace"
}
