/// What an audio track plays: a pure function of the sample index counted from the stream's
/// origin, the same origin as the video's frame clock. Sample n sits at n / rate seconds of
/// media time, so audio and video never drift apart, and any block of samples can be made
/// again, identically, from its first index.
///
/// Levels are peaks in dBFS: 0 dBFS is a full-scale Int16 sine (amplitude 32767).
public enum AudioSignal: Hashable, Sendable {
    /// A continuous sine.
    case tone(Tone)
    /// Short tone bursts at a fixed period; under the `av-sync` scene each burst starts on the
    /// capture instant of the white flash (whole seconds of media time).
    case beep(Beep)
    /// Digital silence (all samples zero).
    case silence
    /// Seeded white noise, uniform between ± the level's amplitude, repeating every
    /// `Noise.period` samples.
    case noise(Noise)
    /// A repeating linear sweep between two frequencies.
    case sweep(Sweep)
}

/// A continuous sine of `frequency` Hz at `levelDBFS` peak.
public struct Tone: Hashable, Sendable {
    public var frequency: Double
    public var levelDBFS: Double

    public init(frequency: Double = 1000, levelDBFS: Double = -12) {
        self.frequency = frequency
        self.levelDBFS = levelDBFS
    }
}

/// Tone bursts: `duration` seconds of a `frequency` Hz sine at the start of every `period`
/// seconds of media time, silence between. Each burst starts at sine phase zero on its first
/// sample, so its onset is sharp and lands exactly on a multiple of the period.
public struct Beep: Hashable, Sendable {
    public var frequency: Double
    public var levelDBFS: Double
    public var duration: Double
    public var period: Double

    public init(frequency: Double = 1000, levelDBFS: Double = -6, duration: Double = 0.1, period: Double = 1) {
        self.frequency = frequency
        self.levelDBFS = levelDBFS
        self.duration = duration
        self.period = period
    }

    /// The beep paired with the `av-sync` scene's flash, which lights the first frame of every
    /// whole second of media time: 1 kHz for 100 ms, starting on each whole second.
    public static let avSync = Beep()
}

/// Seeded white noise: sample n is the (n mod `period`)-th draw of a generator seeded with
/// `seed`, computed directly from n, so any sample can be made without making the ones before it.
public struct Noise: Hashable, Sendable {
    public var seed: UInt64
    public var levelDBFS: Double

    public init(seed: UInt64 = 0, levelDBFS: Double = -20) {
        self.seed = seed
        self.levelDBFS = levelDBFS
    }
}

/// A linear sweep from `from` Hz to `to` Hz over `duration` seconds, starting again at `from`
/// at every multiple of `duration` seconds of media time.
public struct Sweep: Hashable, Sendable {
    public var from: Double
    public var to: Double
    public var duration: Double
    public var levelDBFS: Double

    public init(from: Double = 100, to: Double = 4000, duration: Double = 5, levelDBFS: Double = -12) {
        self.from = from
        self.to = to
        self.duration = duration
        self.levelDBFS = levelDBFS
    }
}
