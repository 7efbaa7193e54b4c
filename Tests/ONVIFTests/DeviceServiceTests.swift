@testable import ONVIF
import Testing

/// The device service's operations that go beyond reading the configuration: SetScopes'
/// parsing and bounds, GetScopes with configurable scopes, GetUsers, GetNetworkInterfaces,
/// GetCapabilities' Events/PTZ/Extension, and which credentials a request is checked with.
@Suite struct DeviceServiceTests {
    static let deviceNS = "http://www.onvif.org/ver10/device/wsdl"

    static func device(services: [ONVIFService] = [.device, .media]) -> ONVIFDevice {
        var device = DispatcherTests.device
        device.services = services
        return device
    }

    static func reply(_ body: String, device: ONVIFDevice = DeviceServiceTests.device()) -> ONVIFDispatcher.Reply {
        ONVIFDispatcher.reply(to: SOAPSamples.bytes(SOAPSamples.envelope(body)), device: device, now: DispatcherTests.now) { _ in nil }
    }

    /// The `tds:SetScopes` element of `scopes`, parsed as the dispatcher hands it over.
    static func setScopes(_ scopes: [String]) throws -> XMLNode {
        let items = scopes.map { "<tds:Scopes>\($0)</tds:Scopes>" }.joined()
        let text = SOAPSamples.envelope(#"<tds:SetScopes xmlns:tds="\#(deviceNS)">\#(items)</tds:SetScopes>"#)
        return try SOAPEnvelope.parse(SOAPSamples.bytes(text)).operation
    }

    // MARK: - SetScopes

    @Test func setScopesKeepsTheListInOrderWithoutDuplicates() throws {
        let list = try ScopeList.parse(
            setScopes: try Self.setScopes([
                "onvif://www.onvif.org/location/hall", " onvif://www.onvif.org/name/Door ", "onvif://www.onvif.org/location/hall",
            ]),
            fixed: DispatcherTests.device.scopes)
        #expect(list == ["onvif://www.onvif.org/location/hall", "onvif://www.onvif.org/name/Door"])
        #expect(try ScopeList.parse(setScopes: try Self.setScopes([]), fixed: []) == [])
    }

    @Test func setScopesRefusesAFixedScope() throws {
        #expect(throws: SOAPFault(.sender, ["OperationProhibited", "ScopeOverwrite"], reason: "'onvif://www.onvif.org/name/lobby' is a fixed scope")) {
            try ScopeList.parse(setScopes: try Self.setScopes(["onvif://www.onvif.org/name/lobby"]), fixed: DispatcherTests.device.scopes)
        }
    }

    @Test func setScopesIsBounded() throws {
        let many = (0...ScopeList.maxScopes).map { "onvif://www.onvif.org/location/\($0)" }
        let tooMany = try Self.setScopes(many)
        do throws(SOAPFault) {
            _ = try ScopeList.parse(setScopes: tooMany, fixed: [])
            Issue.record("33 scopes accepted")
        } catch {
            #expect(error.code == .receiver)
            #expect(error.subcodes == ["Action", "TooManyScopes"])
        }
        let exactly = Array(many.dropLast())
        #expect(try ScopeList.parse(setScopes: try Self.setScopes(exactly), fixed: []).count == ScopeList.maxScopes)
        let long = "onvif://www.onvif.org/location/" + String(repeating: "a", count: ScopeList.maxScopeBytes)
        for bad in [long, "", "no-scheme-here", "1onvif://x", "onvif://a b", ":nothing"] {
            let request = try Self.setScopes([bad])
            do throws(SOAPFault) {
                _ = try ScopeList.parse(setScopes: request, fixed: [])
                Issue.record("'\(bad)' accepted")
            } catch {
                #expect(error.subcodes == ["InvalidArgVal"], "\(bad)")
                #expect(error.httpStatus == 400)
            }
        }
    }

    @Test func getScopesShowsFixedThenConfigurable() throws {
        var device = Self.device()
        device.configurableScopes = ["onvif://www.onvif.org/location/hall"]
        let response = try DispatcherTests.response(Self.reply(#"<GetScopes xmlns="\#(Self.deviceNS)"/>"#, device: device))
        let scopes = response.children("Scopes", in: SOAPNamespace.device)
        #expect(scopes.map { $0.child("ScopeDef")?.text } == ["Fixed", "Fixed", "Configurable"])
        #expect(scopes.last?.child("ScopeItem")?.text == "onvif://www.onvif.org/location/hall")
    }

    // MARK: - Users, network interfaces, reboot

    @Test func getUsersGivesNamesAndLevelsOnly() throws {
        var device = Self.device()
        device.users = [DeviceUser(name: "admin", level: .administrator), DeviceUser(name: "guard", level: .user)]
        let reply = Self.reply(#"<GetUsers xmlns="\#(Self.deviceNS)"/>"#, device: device)
        let users = try DispatcherTests.response(reply).children("User", in: SOAPNamespace.device)
        #expect(users.map { $0.children.map(\.name.local) } == [["Username", "UserLevel"], ["Username", "UserLevel"]])
        #expect(users.map { $0.child("UserLevel")?.text } == ["Administrator", "User"])
        #expect(!reply.body.contains("Password"))
    }

    @Test func networkInterfaceInSchemaOrder() throws {
        var device = Self.device()
        device.networkInterface = NetworkInterface(
            hardwareAddress: NetworkInterface.hardwareAddress(endpointReference: device.endpointReference), ipv4Address: "10.1.2.3")
        let response = try DispatcherTests.response(Self.reply(#"<GetNetworkInterfaces xmlns="\#(Self.deviceNS)"/>"#, device: device))
        let interface = try #require(response.child("NetworkInterfaces", in: SOAPNamespace.device))
        #expect(interface.attributes[XMLName("", "token")] == "eth0")
        #expect(interface.children.map(\.name.local) == ["Enabled", "Info", "IPv4"])
        #expect(interface.child("Info")?.children.map(\.name.local) == ["Name", "HwAddress", "MTU"])
        let manual = interface.child("IPv4")?.child("Config")?.child("Manual")
        #expect(manual?.child("Address")?.text == "10.1.2.3")
        #expect(manual?.child("PrefixLength")?.text == "24")
    }

    @Test func hardwareAddressComesFromTheEndpointReference() {
        let a = NetworkInterface.hardwareAddress(endpointReference: "urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301")
        #expect(a == "02:3f:25:04:e0:4f")
        let b = NetworkInterface.hardwareAddress(endpointReference: "urn:uuid:00000000-0000-5000-8000-000000000000")
        #expect(a != b)
        #expect(NetworkInterface.hardwareAddress(endpointReference: "urn:uuid:") == "02:00:00:00:00:00")
    }

    @Test func ipv4Literals() {
        #expect(NetworkInterface.isIPv4("127.0.0.1"))
        #expect(NetworkInterface.isIPv4("255.255.255.255"))
        for bad in ["256.1.1.1", "1.2.3", "localhost", "1.2.3.4.5", "::1", "1..2.3", "١.2.3.4"] {
            #expect(!NetworkInterface.isIPv4(bad), "\(bad)")
        }
    }

    @Test func systemRebootMessage() throws {
        let text = DeviceReplies.systemReboot(message: "Rebooting in 3 seconds")
        let root = try XMLNode.parse(Array(text.utf8))
        let response = try #require(root.child("Body", in: SOAPNamespace.envelope)?.children.first)
        #expect(response.name == XMLName(SOAPNamespace.device, "SystemRebootResponse"))
        #expect(response.child("Message")?.text == "Rebooting in 3 seconds")
    }

    // MARK: - Capabilities

    @Test func capabilitiesAnnounceEventsPTZAndTheExtension() throws {
        let device = Self.device(services: [.device, .media, .events, .ptz, .recording, .search, .replay])
        let response = try DispatcherTests.response(Self.reply(#"<GetCapabilities xmlns="\#(Self.deviceNS)"/>"#, device: device))
        let capabilities = try #require(response.child("Capabilities"))
        #expect(capabilities.children.map(\.name.local) == ["Device", "Events", "Media", "PTZ", "Extension"])
        #expect(capabilities.child("Events")?.child("XAddr")?.text == "http://127.0.0.1:8080/onvif/lobby/events_service")
        #expect(capabilities.child("Events")?.child("WSPullPointSupport")?.text == "true")
        #expect(capabilities.child("PTZ")?.child("XAddr")?.text == "http://127.0.0.1:8080/onvif/lobby/ptz_service")
        let extensions = try #require(capabilities.child("Extension"))
        #expect(extensions.children.map(\.name.local) == ["Recording", "Search", "Replay"])
        #expect(extensions.child("Replay")?.child("XAddr")?.text == "http://127.0.0.1:8080/onvif/lobby/replay_service")
        // Asking for PTZ alone on a camera without it is still NoSuchService.
        let without = Self.reply(#"<GetCapabilities xmlns="\#(Self.deviceNS)"><Category>PTZ</Category></GetCapabilities>"#)
        #expect(without.fault?.subcodes == ["ActionNotSupported", "NoSuchService"])
        let onlyEvents = try DispatcherTests.response(Self.reply(
            #"<GetCapabilities xmlns="\#(Self.deviceNS)"><Category>Events</Category></GetCapabilities>"#, device: device))
        #expect(onlyEvents.child("Capabilities")?.children.map(\.name.local) == ["Events"])
    }

    @Test func serviceCapabilitiesSayHTTPDigest() throws {
        var device = Self.device()
        for accepts in [false, true] {
            device.acceptsHTTPDigest = accepts
            let response = try DispatcherTests.response(Self.reply(#"<GetServiceCapabilities xmlns="\#(Self.deviceNS)"/>"#, device: device))
            let security = response.child("Capabilities")?.child("Security")
            #expect(security?.attributes[XMLName("", "HttpDigest")] == (accepts ? "true" : "false"))
        }
    }

    // MARK: - Credentials over SOAP

    @Test func credentialCheckFollowsWhatTheRequestCarries() {
        typealias Check = SOAPCredentialCheck
        #expect(Check.decide(requiresCredentials: false, hasUsernameToken: false, hasAuthorization: false) == .open)
        #expect(Check.decide(requiresCredentials: false, hasUsernameToken: true, hasAuthorization: true) == .open)
        #expect(Check.decide(requiresCredentials: true, hasUsernameToken: false, hasAuthorization: false) == .challenge)
        #expect(Check.decide(requiresCredentials: true, hasUsernameToken: true, hasAuthorization: false) == .usernameToken)
        #expect(Check.decide(requiresCredentials: true, hasUsernameToken: false, hasAuthorization: true) == .httpAuthorization)
        #expect(Check.decide(requiresCredentials: true, hasUsernameToken: true, hasAuthorization: true) == .both)
    }
}
