import Cameras
import Composition
import Config
import Foundation
import RTP

/// An audio track's encoder as a camera makes it (`AudioTrackDefinition` from `audio:`),
/// once the process's table of its encoded units is ready, and the wall time that took.
struct AudioReplayTrack {
    let encoder: any AudioEncoding
    /// From the first encoder (which starts the table's build in the background) to the
    /// first that replays it; zero when the table was ready already.
    let tableReadySeconds: Double

    init(_ audio: AudioConfig) throws {
        let definition = AudioTrackDefinition(audio, maxPacketSize: 1400)
        let start = Date()
        var encoder = try definition.makeEncoder()
        while let replaying = encoder as? ReplayingAudioEncoder, !replaying.isReplaying {
            guard Date().timeIntervalSince(start) < 120 else { break }
            Thread.sleep(forTimeInterval: 0.001)
            encoder = try definition.makeEncoder()
        }
        self.encoder = encoder
        tableReadySeconds = Date().timeIntervalSince(start)
    }

    /// Whether units come from the table (false: the signal has no short period, or the
    /// table never came).
    var isReplaying: Bool { (encoder as? ReplayingAudioEncoder)?.isReplaying == true }

    /// CPU milliseconds per second of audio to make and packetize `seconds` of units with
    /// `packetizer`, as `AudioTrack` does for each camera.
    func millisecondsPerSecond(seconds: Int, rate: Int, packetizer: any RTPPacketizer) -> Double {
        var packetizer = packetizer
        let units = seconds * rate / encoder.samplesPerUnit
        var packets = 0
        let start = threadCPUNanoseconds()
        for unit in 0..<units {
            let first = Int64(unit * encoder.samplesPerUnit)
            let batch = try? encoder.encodeUnit(firstSample: first, wallClockNanos: 0) { parts in
                packetizer.packetize(units: parts, timestamp: UInt32(truncatingIfNeeded: first))
            }
            packets += batch?.packetCount ?? 0
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(packets >= units - 2)
        return Double(elapsed) / 1e6 / Double(seconds)
    }
}
