import FuzzSeedSupport
@testable import ONVIF
import PTZ
import Testing

@Suite struct PTZServiceTests {
    static let ptzNS = "http://www.onvif.org/ver20/ptz/wsdl"
    static let ttNS = "http://www.onvif.org/ver10/schema"
    static let second: Int64 = 1_000_000_000
    static let now = DispatcherTests.now

    static var device: ONVIFDevice {
        var device = DispatcherTests.device
        device.services = [.device, .media, .ptz]
        return device
    }

    static func request(_ operation: String, _ inner: String = "", profile: String? = "Profile_main") -> String {
        let token = profile.map { "<tptz:ProfileToken>\($0)</tptz:ProfileToken>" } ?? ""
        return SOAPSamples.envelope(
            #"<tptz:\#(operation) xmlns:tptz="\#(ptzNS)" xmlns:tt="\#(ttNS)">\#(token)\#(inner)</tptz:\#(operation)>"#)
    }

    /// The reply to `text` for `head` at `now`.
    static func reply(_ text: String, head: PTZHead, device: ONVIFDevice = device, at time: Int64 = now) -> ONVIFDispatcher.Reply {
        do throws(SOAPFault) {
            let request = try ONVIFDispatcher.accept(SOAPSamples.bytes(text)) { _, _ in nil }
            return .response(try PTZService.answer(request, device: device, head: head, now: time))
        } catch {
            return .fault(error)
        }
    }

    static func body(_ reply: ONVIFDispatcher.Reply) throws -> XMLNode { try DispatcherTests.response(reply) }

    @Test func absoluteMoveThenStatus() throws {
        let head = PTZHead(settings: PTZSettings(speed: 1))
        let move = Self.reply(Self.request("AbsoluteMove",
            #"<tptz:Position><tt:PanTilt x="0.5" y="-0.25" space="\#(PTZSpaceURI.panTiltPosition)"/><tt:Zoom x="0.5"/></tptz:Position>"#), head: head)
        #expect(move.status == 200, "\(move.body)")
        #expect(try Self.body(move).name == XMLName(Self.ptzNS, "AbsoluteMoveResponse"))

        let halfway = try Self.body(Self.reply(Self.request("GetStatus"), head: head, at: Self.now + Self.second / 4))
        let status = try #require(halfway.child("PTZStatus"))
        #expect(status.child("Position")?.child("PanTilt")?.attributes[XMLName("", "x")] == "0.25")
        #expect(status.child("Position")?.child("PanTilt")?.attributes[XMLName("", "y")] == "-0.125")
        #expect(status.child("MoveStatus")?.child("PanTilt")?.text == "MOVING")
        #expect(status.child("UtcTime")?.text == XSDateTime.format(Self.now + Self.second / 4))

        let done = try #require(try Self.body(Self.reply(Self.request("GetStatus"), head: head, at: Self.now + Self.second)).child("PTZStatus"))
        #expect(done.child("Position")?.child("Zoom")?.attributes[XMLName("", "x")] == "0.5")
        #expect(done.child("MoveStatus")?.child("PanTilt")?.text == "IDLE")
        #expect(done.child("MoveStatus")?.child("Zoom")?.text == "IDLE")
    }

    @Test func continuousMoveTakesTheTimeoutAndStopHoldsIt() throws {
        let head = PTZHead(settings: PTZSettings(speed: 1))
        let move = Self.reply(Self.request("ContinuousMove",
            #"<tptz:Velocity><tt:PanTilt x="-0.5" y="0"/></tptz:Velocity><tptz:Timeout>PT2S</tptz:Timeout>"#), head: head)
        #expect(move.status == 200, "\(move.body)")
        #expect(head.position(at: Self.now + Self.second).pan == -0.5)
        #expect(head.position(at: Self.now + 3 * Self.second).pan == -1)
        let stop = Self.reply(Self.request("Stop", "<tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>false</tptz:Zoom>"), head: head,
                              at: Self.now + Self.second / 2)
        #expect(stop.status == 200)
        #expect(head.position(at: Self.now + 3 * Self.second).pan == -0.25)
    }

    @Test func presetsRoundTrip() throws {
        let head = PTZHead(settings: PTZSettings())
        let set = try Self.body(Self.reply(Self.request("SetPreset", "<tptz:PresetName>gate</tptz:PresetName>"), head: head))
        let token = try #require(set.child("PresetToken")?.text)
        let list = try Self.body(Self.reply(Self.request("GetPresets"), head: head))
        let presets = list.children("Preset", in: Self.ptzNS)
        #expect(presets.map { $0.attributes[XMLName("", "token")] } == [token])
        #expect(presets.first?.child("Name")?.text == "gate")
        #expect(Self.reply(Self.request("GotoPreset", "<tptz:PresetToken>\(token)</tptz:PresetToken>"), head: head).status == 200)
        #expect(Self.reply(Self.request("RemovePreset", "<tptz:PresetToken>\(token)</tptz:PresetToken>"), head: head).status == 200)
        let again = Self.reply(Self.request("RemovePreset", "<tptz:PresetToken>\(token)</tptz:PresetToken>"), head: head)
        #expect(again.fault?.subcodes == ["InvalidArgVal", "NoToken"])
    }

    static let badCases: [(String, String, [String])] = [
        ("AbsoluteMove", #"<tptz:Position><tt:PanTilt x="1.5" y="0"/></tptz:Position>"#, ["InvalidArgVal", "InvalidPosition"]),
        ("AbsoluteMove", #"<tptz:Position><tt:PanTilt x="NaN" y="0"/></tptz:Position>"#, ["InvalidArgVal"]),
        ("AbsoluteMove", #"<tptz:Position><tt:PanTilt x="0x1p-2" y="0"/></tptz:Position>"#, ["InvalidArgVal"]),
        ("AbsoluteMove", #"<tptz:Position><tt:PanTilt x="0.5"/></tptz:Position>"#, ["InvalidArgVal"]),
        ("AbsoluteMove", "", ["InvalidArgVal"]),
        ("AbsoluteMove", #"<tptz:Position><tt:Zoom x="0.5" space="http://example.com/mine"/></tptz:Position>"#, ["InvalidArgVal", "SpaceNotSupported"]),
        ("AbsoluteMove", #"<tptz:Position><tt:Zoom x="0.5"/></tptz:Position><tptz:Speed><tt:Zoom x="2"/></tptz:Speed>"#, ["InvalidArgVal", "InvalidSpeed"]),
        ("ContinuousMove", #"<tptz:Velocity><tt:Zoom x="-3"/></tptz:Velocity>"#, ["InvalidArgVal", "InvalidVelocity"]),
        ("ContinuousMove", #"<tptz:Velocity><tt:Zoom x="1"/></tptz:Velocity><tptz:Timeout>soon</tptz:Timeout>"#, ["InvalidArgVal", "TimeoutNotSupported"]),
        ("RelativeMove", #"<tptz:Translation><tt:PanTilt x="5" y="0"/></tptz:Translation>"#, ["InvalidArgVal", "InvalidTranslation"]),
        ("Stop", "<tptz:PanTilt>maybe</tptz:PanTilt>", ["InvalidArgVal"]),
        ("GotoPreset", "<tptz:PresetToken>nope</tptz:PresetToken>", ["InvalidArgVal", "NoToken"]),
        ("GotoPreset", "", ["InvalidArgVal", "NoToken"]),
        ("SetPreset", "<tptz:PresetToken>nope</tptz:PresetToken>", ["InvalidArgVal", "NoToken"]),
    ]

    static let goodCases: [(String, String)] = [
        ("AbsoluteMove", #"<tptz:Position><tt:PanTilt x="0.5" y="-0.25"/><tt:Zoom x="0.5"/></tptz:Position><tptz:Speed><tt:PanTilt x="0.5" y="0.5"/></tptz:Speed>"#),
        ("RelativeMove", #"<tptz:Translation><tt:PanTilt x="0.1" y="-0.2"/><tt:Zoom x="0.3"/></tptz:Translation>"#),
        ("ContinuousMove", #"<tptz:Velocity><tt:PanTilt x="-0.5" y="0"/></tptz:Velocity><tptz:Timeout>PT1.5S</tptz:Timeout>"#),
        ("Stop", "<tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>0</tptz:Zoom>"),
        ("GetStatus", ""),
        ("SetPreset", "<tptz:PresetName>gate</tptz:PresetName>"),
        ("GotoHomePosition", #"<tptz:Speed><tt:Zoom x="1"/></tptz:Speed>"#),
    ]

    @Test func ptzRequestSeeds() throws {
        try FuzzSeeds.check("ptz-request", texts: (Self.badCases.map { ($0.0, $0.1) } + Self.goodCases).map { Self.request($0.0, $0.1) })
    }

    @Test(arguments: goodCases)
    func goodRequestsAreAnswered(operation: String, inner: String) {
        let reply = Self.reply(Self.request(operation, inner), head: PTZHead(settings: PTZSettings()))
        #expect(reply.status == 200, "\(reply.body)")
    }

    @Test(arguments: badCases)
    func badArgumentsAreFaults(operation: String, inner: String, subcodes: [String]) {
        let head = PTZHead(settings: PTZSettings())
        let reply = Self.reply(Self.request(operation, inner), head: head)
        #expect(reply.status == 400, "\(reply.body)")
        #expect(reply.fault?.subcodes == subcodes, "\(reply.body)")
        #expect(head.position(at: Self.now + 60 * Self.second) == .origin, "a refused command moved the head")
    }

    @Test func unknownProfileIsNoProfile() {
        let reply = Self.reply(Self.request("GetStatus", profile: "Profile_nope"), head: PTZHead(settings: PTZSettings()))
        #expect(reply.fault?.subcodes == ["InvalidArgVal", "NoProfile"])
        let none = Self.reply(Self.request("GetStatus", profile: nil), head: PTZHead(settings: PTZSettings()))
        #expect(none.fault?.subcodes == ["InvalidArgVal", "NoProfile"])
    }

    @Test func descriptionsComeFromTheDevice() throws {
        let head = PTZHead(settings: PTZSettings())
        let nodes = try Self.body(Self.reply(Self.request("GetNodes", profile: nil), head: head))
        let node = try #require(nodes.child("PTZNode", in: Self.ptzNS))
        #expect(node.child("MaximumNumberOfPresets")?.text == "\(PTZSettings.maxPresets)")
        #expect(node.child("HomeSupported")?.text == "true")
        #expect(node.child("SupportedPTZSpaces")?.children.map(\.name.local) == [
            "AbsolutePanTiltPositionSpace", "AbsoluteZoomPositionSpace", "RelativePanTiltTranslationSpace",
            "RelativeZoomTranslationSpace", "ContinuousPanTiltVelocitySpace", "ContinuousZoomVelocitySpace",
            "PanTiltSpeedSpace", "ZoomSpeedSpace",
        ])
        let configurations = try Self.body(Self.reply(Self.request("GetConfigurations", profile: nil), head: head))
        let configuration = try #require(configurations.child("PTZConfiguration", in: Self.ptzNS))
        #expect(configuration.child("NodeToken")?.text == "PTZNode_1")
        #expect(configuration.child("DefaultPTZTimeout")?.text == "PT10S")
        let one = Self.reply(Self.request("GetConfiguration", "<tptz:PTZConfigurationToken>other</tptz:PTZConfigurationToken>", profile: nil), head: head)
        #expect(one.fault?.subcodes == ["InvalidArgVal", "NoConfig"])
        // A device without PTZ answers none of it.
        let plain = Self.reply(Self.request("GetNodes", profile: nil), head: head, device: DispatcherTests.device)
        #expect(plain.fault?.subcodes == ["ActionNotSupported"])
    }

    /// Every prefix of a move request, and the request with each byte flipped, is answered
    /// (a response or a fault), never a trap.
    @Test func splitAndGarbledRequestsAreAnswered() {
        let text = Self.request("RelativeMove",
            #"<tptz:Translation><tt:PanTilt x="0.1" y="-0.2"/><tt:Zoom x="0.3"/></tptz:Translation><tptz:Speed><tt:PanTilt x="0.5" y="0.5"/></tptz:Speed>"#)
        let bytes = SOAPSamples.bytes(text)
        let head = PTZHead(settings: PTZSettings())
        var responses = 0
        for cut in 0...bytes.count {
            let reply = Self.reply(String(decoding: bytes[..<cut], as: UTF8.self), head: head)
            #expect([200, 400, 500].contains(reply.status))
            if reply.fault == nil { responses += 1 }
        }
        #expect(responses == 1, "only the whole request is a request")
        for index in bytes.indices {
            var garbled = bytes
            garbled[index] ^= 0x5A
            let reply = Self.reply(String(decoding: garbled, as: UTF8.self), head: head)
            #expect([200, 400, 500].contains(reply.status))
        }
    }

    @Test func floatsAreReadAsXSFloat() {
        #expect(PTZRequest.float("0.5") == 0.5)
        #expect(PTZRequest.float("-1E-2") == -0.01)
        #expect(PTZRequest.float("+.5") == 0.5)
        #expect(PTZRequest.float("5.") == 5)
        for bad in ["", "INF", "NaN", "1e", "--1", "1-", "0x10", "1.2.3", ".", " 1", "1e5e5", "1e999"] {
            #expect(PTZRequest.float(bad) == nil, "\(bad)")
        }
    }
}
