/// A camera's `audio:` track: codec, sample rate, channels and the signal it carries.
///
/// ```yaml
/// audio: {codec: pcmu, rate: 8000, channels: 1, tone: {freq: 1000, level_dbfs: -20}}
/// audio: {codec: aac, rate: 48000, channels: 2, beep: {}}
/// ```
public struct AudioConfig: Sendable, Equatable, Hashable {
    /// The audio codec: G.711 μ-law or A-law (RFC 3551 §4.5.14), or AAC-LC (RFC 3640).
    public enum Codec: String, Sendable, Equatable, Hashable, CaseIterable {
        case pcmu
        case pcma
        case aac

        /// The sample rates the codec is offered at; the first is the default.
        public var rates: [Int] {
            switch self {
            case .pcmu, .pcma: [8000]
            case .aac: [48_000, 44_100, 16_000]
            }
        }

        /// The channel counts the codec is offered with.
        public var channels: ClosedRange<Int> {
            switch self {
            case .pcmu, .pcma: 1...1
            case .aac: 1...2
            }
        }
    }

    /// What the track carries: a pure function of the sample index.
    public enum Signal: Sendable, Equatable, Hashable {
        /// A sine tone of `frequency` Hz whose peak is `levelDBFS` below full scale.
        case tone(frequency: Double, levelDBFS: Double)
        /// Bursts of `frequency` Hz, `durationMs` long, starting every `periodMs` on the
        /// stream's media time (each whole second by default: the av-sync flash).
        case beep(frequency: Double, levelDBFS: Double, durationMs: Double, periodMs: Double)
        /// Digital silence.
        case silence
        /// White noise from `seed`.
        case noise(seed: UInt64, levelDBFS: Double)
        /// A linear sweep from `from` to `to` Hz over `seconds`, repeating.
        case sweep(from: Double, to: Double, seconds: Double, levelDBFS: Double)
    }

    public var codec: Codec
    /// Samples per second; G.711 is 8000 (RFC 3551 §4.5.14); AAC 16000, 44100 or 48000.
    public var rate: Int
    public var channels: Int
    /// The configured signal; nil when none was given: the beep under a scene with a flash
    /// (`av-sync`), else `defaultSignal`.
    public var signal: Signal?

    /// The tone when none is given: 1 kHz at -20 dBFS.
    public static let defaultSignal = Signal.tone(frequency: 1000, levelDBFS: -20)
    /// The beep paired with the `av-sync` flash: 1 kHz at -6 dBFS for 100 ms on each whole second.
    public static let avSyncBeep = Signal.beep(frequency: 1000, levelDBFS: -6, durationMs: 100, periodMs: 1000)

    public init(codec: Codec = .pcmu, rate: Int = 8000, channels: Int = 1, signal: Signal? = nil) {
        self.codec = codec
        self.rate = rate
        self.channels = channels
        self.signal = signal
    }

    /// The signal the track carries under a scene that does (or does not) flash.
    public func resolvedSignal(sceneFlashes: Bool) -> Signal {
        signal ?? (sceneFlashes ? Self.avSyncBeep : Self.defaultSignal)
    }
}
