import PTZ

/// The PTZ service's answers (ONVIF PTZ Service Specification, ver20; types from onvif.xsd
/// in the schema's sequence order). The node, its configuration and their options are the
/// same for every head and answered from the device alone; status, moves and presets need
/// the camera's ``PTZState`` (``respond(_:body:device:state:now:into:)``).
enum PTZServiceResponses {
    /// The one node of every head.
    static let nodeToken = "PTZNode_1"
    /// The one configuration, shared by every profile.
    static let configurationToken = "PTZConfig_1"

    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: PTZOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        if operation != .getServiceCapabilities, !device.services.contains(.ptz) {
            throw SOAPFault.actionNotSupported(operation.rawValue)
        }
        switch operation {
        case .getServiceCapabilities: w.element("tptz:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        case .getConfigurations:
            w.element("tptz:GetConfigurationsResponse") { configuration(device, element: "tptz:PTZConfiguration", into: &$0) }
        case .getConfiguration:
            try expect(request, "PTZConfigurationToken", configurationToken, subcode: "NoConfig")
            w.element("tptz:GetConfigurationResponse") { configuration(device, element: "tptz:PTZConfiguration", into: &$0) }
        case .getConfigurationOptions:
            try expect(request, "ConfigurationToken", configurationToken, subcode: "NoConfig")
            w.element("tptz:GetConfigurationOptionsResponse") { w in
                w.element("tptz:PTZConfigurationOptions") { w in
                    spaces("tt:Spaces", into: &w)
                    w.element("tt:PTZTimeout") { w in
                        w.element("tt:Min", value: "PT1S")
                        w.element("tt:Max", value: XSDuration.format(PTZSettings.maxTimeoutNanoseconds))
                    }
                }
            }
        case .getNodes: w.element("tptz:GetNodesResponse") { node(into: &$0) }
        case .getNode:
            try expect(request, "NodeToken", nodeToken, subcode: "NoEntity")
            w.element("tptz:GetNodeResponse") { node(into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `tptz:Capabilities`: no flip, no reverse, no compatible-configurations query.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("tptz:Capabilities", [("EFlip", "false"), ("Reverse", "false"), ("GetCompatibleConfigurations", "false")])
    }

    /// The answer to a request that reads or commands the head (`state`), for the profile
    /// the body's `ProfileToken` names (`ter:InvalidArgVal/ter:NoProfile` for none).
    static func respond(
        _ request: PTZRequest, body: XMLNode, device: ONVIFDevice, state: inout PTZState, now: Int64, into w: inout XMLWriter
    ) throws(SOAPFault) {
        guard device.services.contains(.ptz) else { throw SOAPFault.actionNotSupported(body.name.local) }
        let token = body.child("ProfileToken", in: SOAPNamespace.ptz)?.trimmedText ?? ""
        guard device.profiles.contains(where: { $0.token == token }) else {
            throw SOAPFault.invalidArgVal("NoProfile", "no profile has the token '\(token.prefix(64))'")
        }
        do throws(PTZError) {
            switch request {
            case .getStatus: status(state, now: now, into: &w)
            case .getPresets: presets(state, into: &w)
            case .absoluteMove(let axes, let speed):
                try state.absoluteMove(panTilt: axes.panTilt.map { ($0.x, $0.y) }, zoom: axes.zoom, speed: speed, now: now)
                w.empty("tptz:AbsoluteMoveResponse")
            case .relativeMove(let axes, let speed):
                try state.relativeMove(panTilt: axes.panTilt.map { ($0.x, $0.y) }, zoom: axes.zoom, speed: speed, now: now)
                w.empty("tptz:RelativeMoveResponse")
            case .continuousMove(let axes, let timeout):
                try state.continuousMove(panTilt: axes.panTilt.map { ($0.x, $0.y) }, zoom: axes.zoom, timeout: timeout, now: now)
                w.empty("tptz:ContinuousMoveResponse")
            case .stop(let panTilt, let zoom):
                state.stop(panTilt: panTilt, zoom: zoom, now: now)
                w.empty("tptz:StopResponse")
            case .setPreset(let token, let name):
                let made = try state.setPreset(token: token, name: name, now: now)
                w.element("tptz:SetPresetResponse") { $0.element("tptz:PresetToken", value: made) }
            case .gotoPreset(let token, let speed):
                try state.gotoPreset(token: token, speed: speed, now: now)
                w.empty("tptz:GotoPresetResponse")
            case .removePreset(let token):
                try state.removePreset(token: token)
                w.empty("tptz:RemovePresetResponse")
            case .gotoHomePosition(let speed):
                try PTZSpeedRequest.check(speed)
                state.gotoHome(speed: speed, now: now)
                w.empty("tptz:GotoHomePositionResponse")
            case .setHomePosition:
                state.setHome(now: now)
                w.empty("tptz:SetHomePositionResponse")
            }
        } catch {
            throw SOAPFault(error)
        }
    }

    /// `tptz:GetStatusResponse`: the position and move state at `now`, and the time.
    static func status(_ state: PTZState, now: Int64, into w: inout XMLWriter) {
        let moving = (state.isPanTiltMoving(at: now), state.isZoomMoving(at: now))
        w.element("tptz:GetStatusResponse") { w in
            w.element("tptz:PTZStatus") { w in
                vector("tt:Position", state.position(at: now), into: &w)
                w.element("tt:MoveStatus") { w in
                    w.element("tt:PanTilt", value: moving.0 ? "MOVING" : "IDLE")
                    w.element("tt:Zoom", value: moving.1 ? "MOVING" : "IDLE")
                }
                w.element("tt:UtcTime", value: XSDateTime.format(now))
            }
        }
    }

    static func presets(_ state: PTZState, into w: inout XMLWriter) {
        w.element("tptz:GetPresetsResponse") { w in
            for preset in state.presets {
                w.element("tptz:Preset", [("token", preset.token)]) { w in
                    w.element("tt:Name", value: preset.name)
                    vector("tt:PTZPosition", preset.position, into: &w)
                }
            }
        }
    }

    /// A `tt:PTZVector` in the generic position spaces.
    private static func vector(_ element: String, _ position: PTZVector, into w: inout XMLWriter) {
        w.element(element) { w in
            w.empty("tt:PanTilt", [("x", float(position.pan)), ("y", float(position.tilt)), ("space", PTZSpaceURI.panTiltPosition)])
            w.empty("tt:Zoom", [("x", float(position.zoom)), ("space", PTZSpaceURI.zoomPosition)])
        }
    }

    /// An `xs:float` value: the shortest decimal that reads back as the same Double.
    static func float(_ value: Double) -> String {
        value == 0 ? "0" : "\(value)"
    }

    /// A media profile's `tt:PTZConfiguration` (tt:Profile's sequence: after
    /// VideoAnalyticsConfiguration, before MetadataConfiguration), nothing for a camera
    /// without PTZ. Media's GetProfiles writes it so NVRs see which profiles can move.
    static func profileConfiguration(_ device: ONVIFDevice, into w: inout XMLWriter) {
        guard device.services.contains(.ptz) else { return }
        configuration(device, element: "tt:PTZConfiguration", into: &w)
    }

    /// `tt:PTZConfiguration` (onvif.xsd: ConfigurationEntity's Name and UseCount, then its sequence).
    private static func configuration(_ device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", configurationToken)]) { w in
            w.element("tt:Name", value: configurationToken)
            w.element("tt:UseCount", value: "\(device.profiles.count)")
            w.element("tt:NodeToken", value: nodeToken)
            w.element("tt:DefaultAbsolutePantTiltPositionSpace", value: PTZSpaceURI.panTiltPosition)
            w.element("tt:DefaultAbsoluteZoomPositionSpace", value: PTZSpaceURI.zoomPosition)
            w.element("tt:DefaultRelativePanTiltTranslationSpace", value: PTZSpaceURI.panTiltTranslation)
            w.element("tt:DefaultRelativeZoomTranslationSpace", value: PTZSpaceURI.zoomTranslation)
            w.element("tt:DefaultContinuousPanTiltVelocitySpace", value: PTZSpaceURI.panTiltVelocity)
            w.element("tt:DefaultContinuousZoomVelocitySpace", value: PTZSpaceURI.zoomVelocity)
            w.element("tt:DefaultPTZSpeed") { w in
                w.empty("tt:PanTilt", [("x", "1"), ("y", "1"), ("space", PTZSpaceURI.panTiltSpeed)])
                w.empty("tt:Zoom", [("x", "1"), ("space", PTZSpaceURI.zoomSpeed)])
            }
            w.element("tt:DefaultPTZTimeout", value: XSDuration.format(PTZSettings.defaultTimeoutNanoseconds))
            w.element("tt:PanTiltLimits") { space2D("tt:Range", PTZSpaceURI.panTiltPosition, -1...1, into: &$0) }
            w.element("tt:ZoomLimits") { space1D("tt:Range", PTZSpaceURI.zoomPosition, 0...1, into: &$0) }
        }
    }

    /// `tt:PTZNode`: every generic space, presets and a settable home.
    private static func node(into w: inout XMLWriter) {
        w.element("tptz:PTZNode", [("token", nodeToken), ("FixedHomePosition", "false")]) { w in
            w.element("tt:Name", value: nodeToken)
            spaces("tt:SupportedPTZSpaces", into: &w)
            w.element("tt:MaximumNumberOfPresets", value: "\(PTZSettings.maxPresets)")
            w.element("tt:HomeSupported", value: "true")
        }
    }

    /// `tt:PTZSpaces`, in the schema's order.
    private static func spaces(_ element: String, into w: inout XMLWriter) {
        w.element(element) { w in
            space2D("tt:AbsolutePanTiltPositionSpace", PTZSpaceURI.panTiltPosition, -1...1, into: &w)
            space1D("tt:AbsoluteZoomPositionSpace", PTZSpaceURI.zoomPosition, 0...1, into: &w)
            space2D("tt:RelativePanTiltTranslationSpace", PTZSpaceURI.panTiltTranslation, -1...1, into: &w)
            space1D("tt:RelativeZoomTranslationSpace", PTZSpaceURI.zoomTranslation, -1...1, into: &w)
            space2D("tt:ContinuousPanTiltVelocitySpace", PTZSpaceURI.panTiltVelocity, -1...1, into: &w)
            space1D("tt:ContinuousZoomVelocitySpace", PTZSpaceURI.zoomVelocity, -1...1, into: &w)
            space1D("tt:PanTiltSpeedSpace", PTZSpaceURI.panTiltSpeed, 0...1, into: &w)
            space1D("tt:ZoomSpeedSpace", PTZSpaceURI.zoomSpeed, 0...1, into: &w)
        }
    }

    private static func space2D(_ element: String, _ uri: String, _ range: ClosedRange<Int>, into w: inout XMLWriter) {
        w.element(element) { w in
            w.element("tt:URI", value: uri)
            floatRange("tt:XRange", range, into: &w)
            floatRange("tt:YRange", range, into: &w)
        }
    }

    private static func space1D(_ element: String, _ uri: String, _ range: ClosedRange<Int>, into w: inout XMLWriter) {
        w.element(element) { w in
            w.element("tt:URI", value: uri)
            floatRange("tt:XRange", range, into: &w)
        }
    }

    private static func floatRange(_ element: String, _ range: ClosedRange<Int>, into w: inout XMLWriter) {
        w.element(element) { w in
            w.element("tt:Min", value: "\(range.lowerBound)")
            w.element("tt:Max", value: "\(range.upperBound)")
        }
    }

    /// The body's `child` must be `token`; anything else is `ter:InvalidArgVal/ter:<subcode>`.
    private static func expect(_ request: XMLNode, _ child: String, _ token: String, subcode: String) throws(SOAPFault) {
        let given = request.child(child, in: SOAPNamespace.ptz)?.trimmedText ?? ""
        guard given == token else { throw SOAPFault.invalidArgVal(subcode, "no \(child) '\(given.prefix(64))'; the only one is '\(token)'") }
    }
}

extension PTZSpeedRequest {
    /// Throws ``PTZError/invalidSpeed`` for a fraction outside 0…1.
    static func check(_ speed: PTZSpeedRequest) throws(PTZError) {
        for fraction in [speed.panTilt, speed.zoom] {
            if let fraction, !(0...1).contains(fraction) { throw .invalidSpeed }
        }
    }
}

extension SOAPFault {
    /// The fault the PTZ service specification names for a refused command.
    init(_ error: PTZError) {
        switch error {
        case .invalidPosition(let goal): self = .invalidArgVal("InvalidPosition", "the position \(goal) is outside the generic spaces")
        case .invalidTranslation: self = .invalidArgVal("InvalidTranslation", "the translation leaves the generic translation space")
        case .invalidVelocity: self = .invalidArgVal("InvalidVelocity", "a velocity is outside -1…1")
        case .invalidSpeed: self = .invalidArgVal("InvalidSpeed", "a speed is outside 0…1")
        case .invalidTimeout: self = .invalidArgVal("TimeoutNotSupported", "the Timeout is outside 0…1 hour")
        case .noToken(let token): self = .invalidArgVal("NoToken", "no preset has the token '\(token.prefix(64))'")
        case .invalidPresetName: self = .invalidArgVal("InvalidPresetName", "a preset name is 1 to 64 characters, none of them control characters")
        case .presetExists(let name): self = .invalidArgVal("PresetExist", "a preset is already called '\(name.prefix(64))'")
        case .tooManyPresets: self = SOAPFault(.receiver, ["Action", "TooManyPresets"], reason: "no room for another preset")
        case .moving: self = SOAPFault(.receiver, ["Action", "MovingPTZ"], reason: "a preset cannot be set while the head moves")
        }
    }
}
