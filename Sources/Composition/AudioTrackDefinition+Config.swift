import Audio
import Cameras
import Config
import RTP

extension AudioTrackDefinition {
    /// The audio track `audio:` configures: G.711 μ-law (PT 0) or A-law (PT 8) at 8 kHz in
    /// 20 ms packets (RFC 3551 §4.5.14), carrying the configured signal.
    init(_ audio: AudioConfig, maxPacketSize: Int) {
        let format: RTPPayloadFormat = audio.codec == .pcmu ? .pcmu : .pcma
        let law: G711 = audio.codec == .pcmu ? .muLaw : .aLaw
        let compress: @Sendable (Int16) -> UInt8 = { law.encode($0) }
        let rate = audio.rate
        let source = AudioSignal(audio.signal)
        let signal: @Sendable (Int64) -> Int16 = { source.sample(at: $0, rate: rate) }
        self.init(format: format, maxPacketSize: maxPacketSize) {
            G711Encoder(rate: rate, packetMilliseconds: 20, signal: signal, compress: compress)
        }
    }
}

extension AudioSignal {
    /// The signal `audio:` configures.
    init(_ signal: AudioConfig.Signal) {
        switch signal {
        case .tone(let frequency, let level): self = .tone(Tone(frequency: frequency, levelDBFS: level))
        }
    }
}
