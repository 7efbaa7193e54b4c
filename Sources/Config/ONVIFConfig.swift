/// A camera's `onvif:` settings: what the camera says of itself as an ONVIF device
/// (`GetDeviceInformation`, `GetScopes`). Every field has a default, so a camera without
/// the block is still a complete device.
public struct ONVIFConfig: Sendable, Equatable, Hashable {
    public static let keys = ["manufacturer", "model", "firmware", "serial", "hardware_id", "scopes"]

    public static let defaultManufacturer = "camsim"
    public static let defaultModel = "camsim virtual camera"
    public static let defaultFirmware = "0.1"
    public static let defaultHardwareId = "camsim-1"
    /// The prefix every ONVIF scope URI has (ONVIF Core, "Device discovery": scopes).
    public static let scopePrefix = "onvif://www.onvif.org/"
    /// Longest text value and longest scope.
    static let maxLength = 128
    /// Most scopes a camera adds.
    static let maxScopes = 32

    public var manufacturer: String
    public var model: String
    public var firmware: String
    /// Nil: made from the camera's endpoint reference, so it is stable and unique.
    public var serial: String?
    public var hardwareId: String
    /// Scopes beside the ones every camera has (`name/`, `hardware/`, `Profile/Streaming`).
    public var scopes: [String]

    public init(
        manufacturer: String = defaultManufacturer, model: String = defaultModel, firmware: String = defaultFirmware,
        serial: String? = nil, hardwareId: String = defaultHardwareId, scopes: [String] = []
    ) {
        self.manufacturer = manufacturer
        self.model = model
        self.firmware = firmware
        self.serial = serial
        self.hardwareId = hardwareId
        self.scopes = scopes
    }
}
