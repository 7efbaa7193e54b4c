import Audio
import Cameras
import Config

/// What makes two audio tracks' encoded units the same bytes: codec, rate, channels, bit
/// rate and signal. Tracks with one key replay one table of units (`AudioUnitTables`).
struct AudioReplayKey: Hashable, Sendable {
    var codec: AudioConfig.Codec
    var rate: Int
    var channels: Int
    var bitRate: Int
    var signal: AudioSignal

    /// The tables of this process, shared by every camera's audio track.
    static let tables = AudioUnitTables<AudioReplayKey>()
}
