/// The whole response envelopes of the device operations the control plane answers
/// itself, because they change state the ``ONVIFDevice`` does not hold.
public enum DeviceReplies {
    /// `SetScopesResponse` (empty).
    public static func setScopes() -> String {
        SOAPResponse.envelope { DeviceServiceResponses.setScopesResponse(into: &$0) }
    }

    /// `SystemRebootResponse` with `message` (ONVIF Core, SystemReboot: "a textual
    /// message indicating when the device will be back", in English).
    public static func systemReboot(message: String) -> String {
        SOAPResponse.envelope { DeviceServiceResponses.systemRebootResponse(message: message, into: &$0) }
    }
}
