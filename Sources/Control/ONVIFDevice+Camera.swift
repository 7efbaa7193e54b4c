import Config
import Foundation
import ONVIF
import Server

extension ONVIFDevice {
    /// The device a camera shows: its `onvif:` settings, one profile per mounted stream
    /// (size and codec as served, frame rate, bitrate and GOP as configured), the RTSP URL
    /// of each stream and its snapshot URL under the ONVIF credentials, with `host` (from the
    /// request's `Host`) in every address, as a real camera puts its own address there.
    /// `ownPort`: the request came to the camera's own port, where its services are at
    /// `/onvif/<service>`.
    init(camera: CameraConfig, status: CameraStatus, host: ControlHost, rtspPort: Int, ownPort: Bool = false) {
        let seed = camera.seed ?? 0
        let reference = EndpointReference.uuid(path: camera.path, seed: seed)
        let settings = camera.onvif
        let serial = settings.serial
            ?? "CS-" + reference.replacingOccurrences(of: "-", with: "").prefix(12).uppercased()
        let escapedPath = Self.pathSegment(camera.path)
        let base = ownPort ? "http://\(host.authority)/onvif" : "http://\(host.authority)/onvif/\(escapedPath)"
        let profiles = status.streams.enumerated().map { index, stream in
            let definition = stream.definition
            let configured = camera.streams.first { $0.name == definition.streamName } ?? StreamConfig()
            let encoding: MediaProfile.Encoding = switch definition.format.encodingName.uppercased() {
            case "H265": .h265
            case "JPEG": .jpeg
            default: .h264(profile: configured.profile.rawValue.capitalized)
            }
            let bitrate = switch configured.rateControl {
            case .bitrate(let kbps): kbps
            case .crf: 0
            }
            let streamPath = index == 0 ? camera.path : "\(camera.path)/\(definition.streamName)"
            let streamQuery = definition.streamName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? definition.streamName
            return MediaProfile(
                streamName: definition.streamName, width: definition.size.width, height: definition.size.height,
                frameRate: configured.fps, bitrate: bitrate, govLength: configured.gop, encoding: encoding,
                streamURI: "rtsp://\(host.hostname):\(rtspPort)/\(streamPath)",
                snapshotURI: "\(base)/\(Self.snapshotComponent)?stream=\(streamQuery)")
        }
        // Recording search and replay (Profile G) only where the camera has a recording.
        let recorded = camera.recording != nil
        let fixedScopes = [
            "onvif://www.onvif.org/type/video_encoder",
            "onvif://www.onvif.org/Profile/Streaming",
            "onvif://www.onvif.org/Profile/T",
        ] + (recorded ? ["onvif://www.onvif.org/Profile/G"] : []) + [
            "onvif://www.onvif.org/name/" + Self.scopeValue(camera.path),
            "onvif://www.onvif.org/hardware/" + Self.scopeValue(settings.model),
        ]
        let profileG: Set<ONVIFService> = [.recording, .search, .replay]
        self.init(
            information: Information(
                manufacturer: settings.manufacturer, model: settings.model, firmwareVersion: settings.firmware,
                serialNumber: serial, hardwareId: settings.hardwareId),
            endpointReference: "urn:uuid:" + reference,
            hostname: camera.path.replacingOccurrences(of: "/", with: "-"),
            scopes: fixedScopes + settings.scopes,
            serviceRoot: base,
            services: ONVIFService.allCases.filter { ($0 != .ptz || camera.ptz != nil) && (recorded || !profileG.contains($0)) },
            profiles: profiles)
    }

    /// The last path segment of a camera's snapshot URL, beside its services
    /// (`ControlAPI+ONVIFSnapshot.swift`).
    static let snapshotComponent = "snapshot.jpg"

    /// A camera path as one URL path segment (`site-a/door` is `site-a%2Fdoor`), as the
    /// control API's routes take it.
    static func pathSegment(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// A value inside a scope URI: everything but unreserved characters percent-encoded.
    static func scopeValue(_ text: String) -> String { pathSegment(text) }
}

/// The host a request reached the control port by (its `Host` header, RFC 9110 §7.2),
/// checked to hold only the characters of a host and port so it can be put into URLs.
struct ControlHost: Equatable {
    /// `host:port` as the client wrote it.
    var authority: String
    /// The host alone (`[::1]` keeps its brackets).
    var hostname: String

    init?(_ header: String?) {
        guard let header, !header.isEmpty, header.utf8.count <= 255,
              header.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-.:[]".unicodeScalars.contains($0) })
        else { return nil }
        authority = header
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") {
            hostname = String(header[...close])
        } else {
            hostname = String(header.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        }
        if hostname.isEmpty { return nil }
    }
}
