/// Why the head refused a command; each maps to the fault the PTZ service specification
/// names for it.
public enum PTZError: Error, Sendable, Equatable {
    /// A position outside the generic spaces (`ter:InvalidArgVal/ter:InvalidPosition`).
    case invalidPosition(PTZVector)
    /// A translation that leaves the spaces (`ter:InvalidArgVal/ter:InvalidTranslation`).
    case invalidTranslation
    /// A velocity outside -1…1 (`ter:InvalidArgVal/ter:InvalidVelocity`).
    case invalidVelocity
    /// A speed outside 0…1 (`ter:InvalidArgVal/ter:InvalidSpeed`).
    case invalidSpeed
    /// A timeout outside 0…``PTZSettings/maxTimeoutNanoseconds`` (`ter:InvalidArgVal/ter:TimeoutNotSupported`).
    case invalidTimeout
    /// No preset has the token (`ter:InvalidArgVal/ter:NoToken`).
    case noToken(String)
    /// The name is empty, too long or holds control characters (`ter:InvalidArgVal/ter:InvalidPresetName`).
    case invalidPresetName
    /// Another preset has the name (`ter:InvalidArgVal/ter:PresetExist`).
    case presetExists(String)
    /// No room for another preset (`ter:Action/ter:TooManyPresets`).
    case tooManyPresets
    /// A preset cannot be stored while the head moves (`ter:Action/ter:MovingPTZ`).
    case moving
}
