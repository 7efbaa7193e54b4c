@testable import ONVIF
import Testing

@Suite struct DispatcherTests {
    static let device = ONVIFDevice(
        information: .init(manufacturer: "camsim", model: "Lobby & Co", firmwareVersion: "0.1", serialNumber: "SN1", hardwareId: "HW1"),
        endpointReference: EndpointReference.urn(path: "lobby", seed: 1), hostname: "lobby",
        scopes: ["onvif://www.onvif.org/Profile/Streaming", "onvif://www.onvif.org/name/lobby"],
        serviceRoot: "http://127.0.0.1:8080/onvif/lobby", services: [.device, .media],
        profiles: [
            MediaProfile(streamName: "main", width: 1280, height: 720, frameRate: 25, bitrate: 2000, govLength: 50,
                         encoding: .h264(profile: "High"), streamURI: "rtsp://127.0.0.1:8554/lobby",
                         snapshotURI: "http://127.0.0.1:8080/api/v1/cameras/lobby/snapshot.jpg?stream=main"),
            MediaProfile(streamName: "sub", width: 640, height: 360, frameRate: 10, bitrate: 500, govLength: 20,
                         encoding: .jpeg, streamURI: "rtsp://127.0.0.1:8554/lobby/sub",
                         snapshotURI: "http://127.0.0.1:8080/api/v1/cameras/lobby/snapshot.jpg?stream=sub"),
        ])
    static let now: Int64 = 1_795_687_200 * 1_000_000_000

    static func reply(_ text: String, authorize: (UsernameToken?) -> SOAPFault? = { _ in nil }) -> ONVIFDispatcher.Reply {
        ONVIFDispatcher.reply(to: SOAPSamples.bytes(text), device: device, now: now, authorize: authorize)
    }

    /// The body's operation response, parsed back.
    static func response(_ reply: ONVIFDispatcher.Reply) throws -> XMLNode {
        let root = try XMLNode.parse(Array(reply.body.utf8))
        return try #require(root.child("Body", in: SOAPNamespace.envelope)?.children.first)
    }

    @Test func systemDateAndTimeNeedsNoCredentials() throws {
        let reply = Self.reply(SOAPSamples.getSystemDateAndTime) { _ in Issue.record("asked for credentials"); return .notAuthorized() }
        #expect(reply.status == 200)
        let utc = try #require(try Self.response(reply).child("SystemDateAndTime")?.child("UTCDateTime"))
        #expect(utc.child("Time")?.child("Hour")?.text == "10")
        #expect(utc.child("Date")?.child("Year")?.text == "2026")
        #expect(utc.child("Date")?.child("Day")?.text == "26")
    }

    @Test func deviceInformationAsksForCredentials() throws {
        var seen: [UsernameToken?] = []
        let refused = Self.reply(SOAPSamples.getDeviceInformation) { token in seen.append(token); return .notAuthorized() }
        #expect(refused.status == 400)
        #expect(refused.fault == .notAuthorized())
        #expect(seen == [nil])
        let answered = Self.reply(SOAPSamples.getDeviceInformation)
        let response = try Self.response(answered)
        #expect(response.name == XMLName(SOAPNamespace.device, "GetDeviceInformationResponse"))
        #expect(response.children.map(\.name.local) == ["Manufacturer", "Model", "FirmwareVersion", "SerialNumber", "HardwareId"])
        #expect(response.child("Model")?.text == "Lobby & Co")
    }

    @Test func unknownOperationIsNotSupported() {
        let reply = Self.reply(SOAPSamples.envelope(#"<SystemReboot xmlns="http://www.onvif.org/ver10/device/wsdl"/>"#))
        #expect(reply.status == 500)
        #expect(reply.fault == .actionNotSupported("SystemReboot"))
    }

    @Test func profilesOnePerStream() throws {
        let reply = Self.reply(SOAPSamples.envelope(#"<GetProfiles xmlns="http://www.onvif.org/ver10/media/wsdl"/>"#))
        let profiles = try Self.response(reply).children("Profiles", in: SOAPNamespace.media)
        #expect(profiles.map { $0.attributes[XMLName("", "token")] } == ["Profile_main", "Profile_sub"])
        let encoder = try #require(profiles[0].child("VideoEncoderConfiguration"))
        #expect(encoder.children.map(\.name.local) == [
            "Name", "UseCount", "Encoding", "Resolution", "Quality", "RateControl", "H264", "Multicast", "SessionTimeout",
        ])
        #expect(encoder.child("H264")?.child("GovLength")?.text == "50")
        #expect(profiles[1].child("VideoEncoderConfiguration")?.child("Encoding")?.text == "JPEG")
    }

    @Test func streamURIAndSnapshotURI() throws {
        let stream = try Self.response(Self.reply(SOAPSamples.getStreamUri("Profile_sub")))
        #expect(stream.child("MediaUri")?.child("Uri")?.text == "rtsp://127.0.0.1:8554/lobby/sub")
        let snapshot = try Self.response(Self.reply(SOAPSamples.envelope(
            #"<GetSnapshotUri xmlns="http://www.onvif.org/ver10/media/wsdl"><ProfileToken>Profile_main</ProfileToken></GetSnapshotUri>"#)))
        #expect(snapshot.child("MediaUri")?.child("Uri")?.text == "http://127.0.0.1:8080/api/v1/cameras/lobby/snapshot.jpg?stream=main")
        let missing = Self.reply(SOAPSamples.getStreamUri("Profile_x"))
        #expect(missing.fault == .invalidArgVal("NoProfile", "no profile has the token 'Profile_x'"))
    }

    @Test func capabilitiesByCategory() throws {
        func categories(_ asked: String) throws -> [String] {
            let reply = Self.reply(SOAPSamples.envelope(#"<GetCapabilities xmlns="http://www.onvif.org/ver10/device/wsdl">\#(asked)</GetCapabilities>"#))
            return try Self.response(reply).child("Capabilities")?.children.map(\.name.local) ?? []
        }
        #expect(try categories("<Category>All</Category>") == ["Device", "Media"])
        #expect(try categories("") == ["Device", "Media"])
        #expect(try categories("<Category>Media</Category>") == ["Media"])
        let ptz = Self.reply(SOAPSamples.envelope(#"<GetCapabilities xmlns="http://www.onvif.org/ver10/device/wsdl"><Category>PTZ</Category></GetCapabilities>"#))
        #expect(ptz.fault?.subcodes == ["ActionNotSupported", "NoSuchService"])
    }

    @Test func servicesAnnounceBothAddresses() throws {
        let reply = Self.reply(SOAPSamples.envelope(#"<GetServices xmlns="http://www.onvif.org/ver10/device/wsdl"><IncludeCapability>true</IncludeCapability></GetServices>"#))
        let services = try Self.response(reply).children("Service")
        #expect(services.map { $0.child("XAddr")?.text } == [Self.device.deviceAddress, Self.device.mediaAddress])
        #expect(services[1].child("Capabilities")?.child("Capabilities", in: SOAPNamespace.media) != nil)
    }

    @Test func scopesAndHostname() throws {
        let scopes = try Self.response(Self.reply(SOAPSamples.envelope(#"<GetScopes xmlns="http://www.onvif.org/ver10/device/wsdl"/>"#)))
        #expect(scopes.children.compactMap { $0.child("ScopeItem")?.text } == Self.device.scopes)
        let hostname = try Self.response(Self.reply(SOAPSamples.envelope(#"<GetHostname xmlns="http://www.onvif.org/ver10/device/wsdl"/>"#)))
        #expect(hostname.child("HostnameInformation")?.child("Name")?.text == "lobby")
    }
}
