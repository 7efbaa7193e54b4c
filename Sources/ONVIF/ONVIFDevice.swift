/// What one camera shows as an ONVIF device: the values every response reads, made by the
/// control plane from the camera's configuration and streams at request time. Pure data,
/// so the services' answers are tested without a server.
public struct ONVIFDevice: Sendable, Equatable {
    /// `GetDeviceInformation`'s five values.
    public struct Information: Sendable, Equatable {
        public var manufacturer, model, firmwareVersion, serialNumber, hardwareId: String

        public init(manufacturer: String, model: String, firmwareVersion: String, serialNumber: String, hardwareId: String) {
            self.manufacturer = manufacturer
            self.model = model
            self.firmwareVersion = firmwareVersion
            self.serialNumber = serialNumber
            self.hardwareId = hardwareId
        }
    }

    public var information: Information
    /// `urn:uuid:…`, stable for the camera (``EndpointReference``).
    public var endpointReference: String
    public var hostname: String
    /// Scope URIs (`onvif://www.onvif.org/name/lobby`), all fixed.
    public var scopes: [String]
    /// Where the camera's services are (`http://HOST:PORT/onvif/CAM`): each service's address
    /// is this and its ``ONVIFService/pathComponent``.
    public var serviceRoot: String
    /// The services the camera offers, device first.
    public var services: [ONVIFService]
    /// One per stream, main first.
    public var profiles: [MediaProfile]
    /// Scopes set with `SetScopes` (`Configurable` in `GetScopes`), after the fixed ones.
    public var configurableScopes: [String] = []
    /// The users `GetUsers` lists (never with passwords).
    public var users: [DeviceUser] = []
    /// The one network interface `GetNetworkInterfaces` shows.
    public var networkInterface: NetworkInterface?
    /// Whether HTTP Digest is accepted on the SOAP endpoints (`GetServiceCapabilities`' `HttpDigest`).
    public var acceptsHTTPDigest = false

    public init(
        information: Information, endpointReference: String, hostname: String, scopes: [String],
        serviceRoot: String, services: [ONVIFService] = ONVIFService.allCases, profiles: [MediaProfile]
    ) {
        self.information = information
        self.endpointReference = endpointReference
        self.hostname = hostname
        self.scopes = scopes
        self.serviceRoot = serviceRoot
        self.services = services
        self.profiles = profiles
    }

    /// A service's address (`http://HOST:PORT/onvif/CAM/media_service`).
    public func address(of service: ONVIFService) -> String { serviceRoot + "/" + service.pathComponent }

    /// The device service's address.
    public var deviceAddress: String { address(of: .device) }
    /// The media (ver10) service's address.
    public var mediaAddress: String { address(of: .media) }

    /// The token of the camera's one video source.
    public static let videoSourceToken = "VideoSource_1"
    /// The token of its one video source configuration, shared by every profile.
    public static let videoSourceConfigurationToken = "VideoSourceConfig_1"
}

/// One media profile: a stream of the camera, how it is encoded and where it is played.
public struct MediaProfile: Sendable, Equatable {
    /// What `tt:VideoEncoding` can say in ver10 (onvif.xsd, tt:VideoEncoding): H.265 has no name there,
    /// so an H.265 stream's profile carries no encoder configuration (Media2 will).
    public enum Encoding: Sendable, Equatable {
        case h264(profile: String)
        case h265
        case jpeg
    }

    /// The profile's token (`Profile_main`), built from the stream's name.
    public var token: String
    /// The stream's name (`main`, `sub`).
    public var streamName: String
    public var width: Int
    public var height: Int
    public var frameRate: Double
    /// kbit/s.
    public var bitrate: Int
    public var govLength: Int
    public var encoding: Encoding
    /// `rtsp://HOST:PORT/CAM[/STREAM]`.
    public var streamURI: String
    /// The control API's snapshot URL of the stream.
    public var snapshotURI: String

    public init(
        streamName: String, width: Int, height: Int, frameRate: Double, bitrate: Int, govLength: Int,
        encoding: Encoding, streamURI: String, snapshotURI: String
    ) {
        self.token = "Profile_" + streamName
        self.streamName = streamName
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.bitrate = bitrate
        self.govLength = govLength
        self.encoding = encoding
        self.streamURI = streamURI
        self.snapshotURI = snapshotURI
    }

    /// The token of the profile's video encoder configuration.
    public var encoderToken: String { "VideoEncoder_" + streamName }
}
