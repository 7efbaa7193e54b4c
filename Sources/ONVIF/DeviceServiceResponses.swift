/// The device service's answers (ONVIF Core, "Device management"; types from onvif.xsd, elements in the
/// schema's sequence order, which typed clients such as zeep hold to).
enum DeviceServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(
        _ operation: DeviceOperation, request: XMLNode, device: ONVIFDevice, now: Int64, into w: inout XMLWriter
    ) throws(SOAPFault) {
        switch operation {
        case .getSystemDateAndTime: systemDateAndTime(now: now, into: &w)
        case .getDeviceInformation: deviceInformation(device, into: &w)
        case .getCapabilities: try capabilities(device, request: request, into: &w)
        case .getServices: services(device, request: request, into: &w)
        case .getServiceCapabilities: w.element("tds:GetServiceCapabilitiesResponse") { deviceServiceCapabilities(device, into: &$0) }
        case .getScopes: scopes(device, into: &w)
        case .getHostname: hostname(device, into: &w)
        case .getNetworkInterfaces: try networkInterfaces(device, into: &w)
        case .getUsers: users(device, into: &w)
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    static func systemDateAndTime(now: Int64, into w: inout XMLWriter) {
        let parts = UTCParts(now)
        w.element("tds:GetSystemDateAndTimeResponse") { w in
            w.element("tds:SystemDateAndTime") { w in
                w.element("tt:DateTimeType", value: "Manual")
                w.element("tt:DaylightSavings", value: "false")
                w.element("tt:TimeZone") { $0.element("tt:TZ", value: "UTC0") }
                for name in ["tt:UTCDateTime", "tt:LocalDateTime"] {
                    w.element(name) { w in
                        w.element("tt:Time") { w in
                            w.element("tt:Hour", value: "\(parts.hour)")
                            w.element("tt:Minute", value: "\(parts.minute)")
                            w.element("tt:Second", value: "\(parts.second)")
                        }
                        w.element("tt:Date") { w in
                            w.element("tt:Year", value: "\(parts.year)")
                            w.element("tt:Month", value: "\(parts.month)")
                            w.element("tt:Day", value: "\(parts.day)")
                        }
                    }
                }
            }
        }
    }

    static func deviceInformation(_ device: ONVIFDevice, into w: inout XMLWriter) {
        let info = device.information
        w.element("tds:GetDeviceInformationResponse") { w in
            w.element("tds:Manufacturer", value: info.manufacturer)
            w.element("tds:Model", value: info.model)
            w.element("tds:FirmwareVersion", value: info.firmwareVersion)
            w.element("tds:SerialNumber", value: info.serialNumber)
            w.element("tds:HardwareId", value: info.hardwareId)
        }
    }

    /// The categories a GetCapabilities may ask for (tt:CapabilityCategory).
    enum Category: String, CaseIterable {
        case all = "All", analytics = "Analytics", device = "Device", events = "Events", imaging = "Imaging"
        case media = "Media", ptz = "PTZ"
    }

    /// `GetCapabilities`: Device, Events, Media, PTZ (when offered) and the Extension's
    /// Recording, Search and Replay (when offered); asking only for a service camsim lacks gets
    /// `ter:ActionNotSupported/ter:NoSuchService` (ONVIF Core, GetCapabilities).
    static func capabilities(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        var asked: Set<Category> = []
        for node in request.children("Category", in: SOAPNamespace.device) {
            guard let category = Category(rawValue: node.trimmedText) else {
                throw SOAPFault.invalidArgVal(nil, "'\(node.trimmedText)' is not a capability category")
            }
            asked.insert(category)
        }
        let all = asked.isEmpty || asked.contains(.all)
        let offers = Set(device.services)
        let wantDevice = all || asked.contains(.device), wantMedia = all || asked.contains(.media)
        let wantEvents = (all || asked.contains(.events)) && offers.contains(.events)
        let wantPTZ = (all || asked.contains(.ptz)) && offers.contains(.ptz)
        let extensions = all ? [ONVIFService.recording, .search, .replay].filter(offers.contains) : []
        guard wantDevice || wantMedia || wantEvents || wantPTZ else {
            throw SOAPFault(.receiver, ["ActionNotSupported", "NoSuchService"], reason: "the device has no such service")
        }
        w.element("tds:GetCapabilitiesResponse") { w in
            w.element("tds:Capabilities") { w in
                if wantDevice {
                    w.element("tt:Device") { w in
                        w.element("tt:XAddr", value: device.deviceAddress)
                        w.element("tt:Network") { w in
                            for name in ["IPFilter", "ZeroConfiguration", "IPVersion6", "DynDNS"] {
                                w.element("tt:\(name)", value: "false")
                            }
                        }
                        w.element("tt:System") { w in
                            for name in ["DiscoveryResolve", "DiscoveryBye", "RemoteDiscovery", "SystemBackup", "SystemLogging", "FirmwareUpgrade"] {
                                w.element("tt:\(name)", value: "false")
                            }
                            w.element("tt:SupportedVersions") { w in
                                w.element("tt:Major", value: "2")
                                w.element("tt:Minor", value: "0")
                            }
                        }
                        w.element("tt:Security") { w in
                            for name in ["TLS1.1", "TLS1.2", "OnboardKeyGeneration", "AccessPolicyConfig", "X.509Token", "SAMLToken", "KerberosToken", "RELToken"] {
                                w.element("tt:\(name)", value: "false")
                            }
                        }
                    }
                }
                if wantEvents {
                    w.element("tt:Events") { w in
                        w.element("tt:XAddr", value: device.address(of: .events))
                        w.element("tt:WSSubscriptionPolicySupport", value: "false")
                        w.element("tt:WSPullPointSupport", value: "true")
                        w.element("tt:WSPausableSubscriptionManagerInterfaceSupport", value: "false")
                    }
                }
                if wantMedia {
                    w.element("tt:Media") { w in
                        w.element("tt:XAddr", value: device.mediaAddress)
                        w.element("tt:StreamingCapabilities") { w in
                            w.element("tt:RTPMulticast", value: "false")
                            w.element("tt:RTP_TCP", value: "true")
                            w.element("tt:RTP_RTSP_TCP", value: "true")
                        }
                    }
                }
                if wantPTZ {
                    w.element("tt:PTZ") { $0.element("tt:XAddr", value: device.address(of: .ptz)) }
                }
                if !extensions.isEmpty {
                    w.element("tt:Extension") { capabilityExtension(device, services: extensions, into: &$0) }
                }
            }
        }
    }

    /// tt:CapabilitiesExtension: Recording, Search and Replay, in the schema's order.
    private static func capabilityExtension(_ device: ONVIFDevice, services: [ONVIFService], into w: inout XMLWriter) {
        if services.contains(.recording) {
            w.element("tt:Recording") { w in
                w.element("tt:XAddr", value: device.address(of: .recording))
                for name in ["ReceiverSource", "MediaProfileSource", "DynamicRecordings", "DynamicTracks"] {
                    w.element("tt:\(name)", value: "false")
                }
                w.element("tt:MaxStringLength", value: "64")
            }
        }
        if services.contains(.search) {
            w.element("tt:Search") { w in
                w.element("tt:XAddr", value: device.address(of: .search))
                w.element("tt:MetadataSearch", value: "false")
            }
        }
        if services.contains(.replay) {
            w.element("tt:Replay") { $0.element("tt:XAddr", value: device.address(of: .replay)) }
        }
    }

    /// `GetServices`: every service the device offers, their capabilities when asked.
    static func services(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) {
        let include = request.child("IncludeCapability", in: SOAPNamespace.device)?.trimmedText
        let withCapabilities = include == "true" || include == "1"
        w.element("tds:GetServicesResponse") { w in
            for service in device.services {
                w.element("tds:Service") { w in
                    w.element("tds:Namespace", value: service.namespace)
                    w.element("tds:XAddr", value: device.address(of: service))
                    if withCapabilities {
                        w.element("tds:Capabilities") { ServiceCapabilities.write(service, device: device, into: &$0) }
                    }
                    version(into: &w)
                }
            }
        }
    }

    private static func version(into w: inout XMLWriter) {
        w.element("tds:Version") { w in
            w.element("tt:Major", value: "2")
            w.element("tt:Minor", value: "0")
        }
    }

    /// `tds:DeviceServiceCapabilities`: UsernameToken yes, HTTP Digest when the server takes it, TLS no.
    static func deviceServiceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("tds:Capabilities") { w in
            w.empty("tds:Network", [("IPFilter", "false"), ("ZeroConfiguration", "false"), ("IPVersion6", "false"), ("DynDNS", "false")])
            w.empty("tds:Security", [("UsernameToken", "true"), ("HttpDigest", device.acceptsHTTPDigest ? "true" : "false"), ("TLS1.2", "false")])
            w.empty("tds:System", [("DiscoveryResolve", "false"), ("DiscoveryBye", "false"), ("RemoteDiscovery", "false"), ("SystemBackup", "false"), ("FirmwareUpgrade", "false")])
        }
    }

    /// `GetScopes`: the fixed scopes, then those `SetScopes` set (tt:ScopeDefinition `Configurable`).
    static func scopes(_ device: ONVIFDevice, into w: inout XMLWriter) {
        let listed = device.scopes.map { ($0, "Fixed") } + device.configurableScopes.map { ($0, "Configurable") }
        w.element("tds:GetScopesResponse") { w in
            for (scope, definition) in listed {
                w.element("tds:Scopes") { w in
                    w.element("tt:ScopeDef", value: definition)
                    w.element("tt:ScopeItem", value: scope)
                }
            }
        }
    }

    /// `SetScopesResponse`, after the control plane kept what ``ScopeList/parse(setScopes:fixed:)`` read.
    static func setScopesResponse(into w: inout XMLWriter) {
        w.empty("tds:SetScopesResponse")
    }

    /// `SystemRebootResponse` with its `Message` (ONVIF Core, SystemReboot).
    static func systemRebootResponse(message: String, into w: inout XMLWriter) {
        w.element("tds:SystemRebootResponse") { $0.element("tds:Message", value: message) }
    }

    /// `GetNetworkInterfaces`: the device's one interface, enabled, with a fixed IPv4
    /// address (onvif.xsd tt:NetworkInterface, in its sequence order).
    static func networkInterfaces(_ device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        guard let interface = device.networkInterface else { throw SOAPFault.actionNotSupported("GetNetworkInterfaces") }
        w.element("tds:GetNetworkInterfacesResponse") { w in
            w.element("tds:NetworkInterfaces", [("token", interface.name)]) { w in
                w.element("tt:Enabled", value: "true")
                w.element("tt:Info") { w in
                    w.element("tt:Name", value: interface.name)
                    w.element("tt:HwAddress", value: interface.hardwareAddress)
                    w.element("tt:MTU", value: "1500")
                }
                w.element("tt:IPv4") { w in
                    w.element("tt:Enabled", value: "true")
                    w.element("tt:Config") { w in
                        w.element("tt:Manual") { w in
                            w.element("tt:Address", value: interface.ipv4Address)
                            w.element("tt:PrefixLength", value: "\(interface.prefixLength)")
                        }
                        w.element("tt:DHCP", value: "false")
                    }
                }
            }
        }
    }

    /// `GetUsers`: each user's name and level (tt:User), never a password.
    static func users(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("tds:GetUsersResponse") { w in
            for user in device.users {
                w.element("tds:User") { w in
                    w.element("tt:Username", value: user.name)
                    w.element("tt:UserLevel", value: user.level.rawValue)
                }
            }
        }
    }

    static func hostname(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("tds:GetHostnameResponse") { w in
            w.element("tds:HostnameInformation") { w in
                w.element("tt:FromDHCP", value: "false")
                w.element("tt:Name", value: device.hostname)
            }
        }
    }
}
