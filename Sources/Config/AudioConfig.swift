/// A camera's `audio:` track: codec, sample rate, channels and the signal it carries.
///
/// ```yaml
/// audio: {codec: pcmu, rate: 8000, channels: 1, tone: {freq: 1000, level_dbfs: -20}}
/// ```
public struct AudioConfig: Sendable, Equatable, Hashable {
    /// The audio codec: G.711 μ-law or A-law (RFC 3551 §4.5.14).
    public enum Codec: String, Sendable, Equatable, Hashable, CaseIterable {
        case pcmu
        case pcma
    }

    /// What the track carries: a pure function of the sample index.
    public enum Signal: Sendable, Equatable, Hashable {
        /// A sine tone of `frequency` Hz whose peak is `levelDBFS` below full scale.
        case tone(frequency: Double, levelDBFS: Double)
    }

    public var codec: Codec
    /// Samples per second; G.711 is 8000 (RFC 3551 §4.5.14).
    public var rate: Int
    public var channels: Int
    public var signal: Signal

    /// The tone when none is given: 1 kHz at -20 dBFS.
    public static let defaultSignal = Signal.tone(frequency: 1000, levelDBFS: -20)

    public init(codec: Codec = .pcmu, rate: Int = 8000, channels: Int = 1, signal: Signal = AudioConfig.defaultSignal) {
        self.codec = codec
        self.rate = rate
        self.channels = channels
        self.signal = signal
    }
}
