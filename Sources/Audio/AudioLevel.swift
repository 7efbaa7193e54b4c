import Foundation

/// Conversions between a peak level in dBFS and an Int16 amplitude.
public enum AudioLevel {
    /// Full scale for Int16 PCM: the peak of a 0 dBFS sine.
    public static let fullScale = 32767.0

    /// The peak amplitude of a signal at `dBFS` (0 dBFS → 32767, −6 dBFS → about 16422),
    /// never above full scale.
    public static func amplitude(dBFS: Double) -> Double {
        min(fullScale, fullScale * pow(10, dBFS / 20))
    }
}
