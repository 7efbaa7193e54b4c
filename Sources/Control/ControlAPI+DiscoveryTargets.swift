import Config
import Discovery
import Faults
import ONVIF
import Server

extension ControlAPI {
    /// Every mounted camera as WS-Discovery shows it from `host` (the address the NVR reaches
    /// this machine by) with the control API on `controlPort`: the same device a SOAP request
    /// to that address would see (``ONVIFDevice``'s endpoint reference and scopes), its device
    /// service address as XAddrs, and the one on its own port as well when
    /// `server.onvif.ports` gives it one. `discovery_silent` and `discovery_duplicates` come
    /// from the camera's faults in force.
    func discoveryTargets(host: String, controlPort: Int) async -> [DiscoveryTarget] {
        let config = await running.config
        let authority = host.contains(":") ? "[\(host)]:\(controlPort)" : "\(host):\(controlPort)"
        guard let controlHost = ControlHost(authority) else { return [] }
        var targets: [DiscoveryTarget] = []
        for (index, camera) in config.cameras.enumerated() {
            guard let status = server.cameraStatus(path: camera.path) else { continue }
            let device = ONVIFDevice(camera: camera, status: status, host: controlHost, rtspPort: server.port)
            var xaddrs = [device.deviceAddress]
            if let ports = config.server.onvif.ports, ports.lowerBound + index <= ports.upperBound {
                let port = ports.lowerBound + index
                let own = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
                xaddrs.append("http://\(own)/onvif/device_service")
            }
            let faults = server.onvifFaults(path: camera.path) ?? ONVIFFaultProfile()
            targets.append(DiscoveryTarget(
                endpointReference: device.endpointReference, scopes: device.scopes, xaddrs: xaddrs,
                silent: faults.discoverySilent ?? false,
                copies: min(max(faults.discoveryDuplicates ?? 1, 1), Self.maxDiscoveryCopies)))
        }
        return targets
    }

    /// The most copies `discovery_duplicates` makes of one ProbeMatch.
    static let maxDiscoveryCopies = 10
}
