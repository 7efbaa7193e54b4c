import Config
import ONVIF

extension ControlAPI {
    /// The answer to an operation of the device service: `SetScopes` keeps the camera's
    /// configurable scopes, `SystemReboot` reboots it; the rest answer from the device.
    func answerDevice(_ operation: DeviceOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        switch operation {
        case .setScopes:
            let scopes = try ScopeList.parse(setScopes: call.request.body, fixed: call.device.scopes)
            onvifState.setConfigurableScopes(scopes, of: call.camera.path)
            return DeviceReplies.setScopes()
        case .systemReboot:
            // As the control API's `reboot` action: sessions and connections dropped, refused while down.
            server.rebootCamera(at: call.camera.path, downSeconds: Self.systemRebootSeconds)
            return DeviceReplies.systemReboot(
                message: "Rebooting in \(Int(Self.systemRebootSeconds)) seconds (the camera's RTSP sessions were dropped)")
        default:
            return try call.answerFromDevice()
        }
    }

    /// How long a camera rebooted by `SystemReboot` refuses RTSP connections.
    static let systemRebootSeconds = 5.0

    /// Fills in what the device service shows beyond the camera's configuration: the scopes
    /// set with `SetScopes`, the users (Administrator for one who may see every camera,
    /// User for one limited by `cameras:`), a network interface at the address the request
    /// came to, and HTTP Digest.
    func describeDevice(_ device: inout ONVIFDevice, camera: CameraConfig, config: CamsimConfig, host: ControlHost) {
        device.configurableScopes = onvifState.configurableScopes(of: camera.path)
        device.users = config.users.map { DeviceUser(name: $0.name, level: $0.cameras.isEmpty ? .administrator : .user) }
        device.networkInterface = NetworkInterface(
            hardwareAddress: NetworkInterface.hardwareAddress(endpointReference: device.endpointReference),
            ipv4Address: Self.interfaceAddress(host: host.hostname, fallback: server.urlHost))
        device.acceptsHTTPDigest = true
    }

    /// The IPv4 address the request came to: its `Host` when that is one, `127.0.0.1` for
    /// `localhost`, else the RTSP URLs' host when that is one, else `0.0.0.0`.
    static func interfaceAddress(host: String, fallback: String) -> String {
        if NetworkInterface.isIPv4(host) { return host }
        if host == "localhost" { return "127.0.0.1" }
        return NetworkInterface.isIPv4(fallback) ? fallback : "0.0.0.0"
    }
}
