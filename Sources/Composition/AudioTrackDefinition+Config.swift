import AAC
import Audio
import Cameras
import Config
import RTP

extension AudioTrackDefinition {
    /// The audio track `audio:` configures: G.711 μ-law (PT 0) or A-law (PT 8) at 8 kHz in
    /// 20 ms packets (RFC 3551 §4.5.14), or AAC-LC in RFC 3640 AAC-hbr packets (PT 97),
    /// carrying the configured signal, or by default the av-sync beep under a scene that
    /// flashes and a 1 kHz tone otherwise.
    ///
    /// A signal that repeats within `AudioReplayPlan.maximumSeconds` is encoded once per
    /// process and replayed by every track with the same settings (`AudioReplayKey`); other
    /// signals are encoded live by each track.
    public init(_ audio: AudioConfig, sceneFlashes: Bool = false, maxPacketSize: Int) {
        let rate = audio.rate, channels = audio.channels
        let source = AudioSignal(audio.resolvedSignal(sceneFlashes: sceneFlashes))
        let signal = source.sampler(rate: rate)
        switch audio.codec {
        case .aac:
            let settings = AACEncoderSettings(sampleRate: rate, channels: channels)
            let key = AudioReplayKey(codec: .aac, rate: rate, channels: channels, bitRate: settings.bitRate, signal: source)
            let makeEncoder = Self.replaying(key, samplesPerUnit: AACTrackEncoder.samplesPerUnit) {
                try AACTrackEncoder(rate: rate, channels: channels, signal: signal)
            }
            self.init(format: .aac(rate: rate, channels: channels), maxPacketSize: maxPacketSize,
                      makePacketizer: MPEG4GenericPacketizer.factory, makeEncoder: makeEncoder)
        case .pcmu, .pcma:
            let format: RTPPayloadFormat = audio.codec == .pcmu ? .pcmu : .pcma
            let law: G711 = audio.codec == .pcmu ? .muLaw : .aLaw
            let compress: @Sendable (Int16) -> UInt8 = { law.encode($0) }
            let packetMilliseconds = 20
            let key = AudioReplayKey(codec: audio.codec, rate: rate, channels: 1, bitRate: 8 * rate, signal: source)
            let makeEncoder = Self.replaying(key, samplesPerUnit: rate * packetMilliseconds / 1000) {
                G711Encoder(rate: rate, packetMilliseconds: packetMilliseconds, signal: signal, compress: compress)
            }
            self.init(format: format, maxPacketSize: maxPacketSize, makeEncoder: makeEncoder)
        }
    }
}

extension AudioSignal {
    /// The signal `audio:` configures.
    init(_ signal: AudioConfig.Signal) {
        switch signal {
        case .tone(let frequency, let level):
            self = .tone(Tone(frequency: frequency, levelDBFS: level))
        case .beep(let frequency, let level, let duration, let period):
            self = .beep(Beep(frequency: frequency, levelDBFS: level, duration: duration / 1000, period: period / 1000))
        case .silence:
            self = .silence
        case .noise(let seed, let level):
            self = .noise(Noise(seed: seed, levelDBFS: level))
        case .sweep(let from, let to, let seconds, let level):
            self = .sweep(Sweep(from: from, to: to, duration: seconds, levelDBFS: level))
        }
    }
}
