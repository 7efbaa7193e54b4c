/// Media2's configuration types (ver20 media.wsdl, `tr2:ConfigurationEnumeration`), in
/// the order a profile's `tr2:Configurations` (`tr2:ConfigurationSet`) lists them.
public enum Media2ConfigurationType: String, Sendable, CaseIterable, Comparable {
    case videoSource = "VideoSource"
    case audioSource = "AudioSource"
    case videoEncoder = "VideoEncoder"
    case audioEncoder = "AudioEncoder"
    case analytics = "Analytics"
    case ptz = "PTZ"
    case metadata = "Metadata"
    case audioOutput = "AudioOutput"
    case audioDecoder = "AudioDecoder"
    case receiver = "Receiver"

    /// The types a camera's profiles hold: video always, audio with an `audio:` track,
    /// the output and decoder with a `backchannel:`.
    public static func supported(_ device: ONVIFDevice) -> [Media2ConfigurationType] {
        var types: [Media2ConfigurationType] = [.videoSource, .videoEncoder]
        if device.audio.track != nil { types += [.audioSource, .audioEncoder] }
        if device.audio.hasOutput { types += [.audioOutput, .audioDecoder] }
        return types.sorted()
    }

    /// The types `GetProfiles`' `Type` elements ask for: `All` is every type; names the
    /// enumeration lacks are left out (the spec lets a vendor add its own).
    public static func requested(_ names: [String]) -> Set<Media2ConfigurationType> {
        if names.contains("All") { return Set(allCases) }
        return Set(names.compactMap(Media2ConfigurationType.init(rawValue:)))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
