import AAC
import Audio
import Config
import RTP

/// Issue figure: the CPU an AAC audio track adds to a camera, per second of media, in median
/// CPU ms per second of audio over `rounds`: encoded live (the signal, libavcodec's AAC-LC
/// encoder in 1024-sample units and the RFC 3640 packets), and replayed from the process's
/// table of the signal's encoded period (the packets only), as a camera's track does.
struct AACBenchmark {
    let rate: Int
    let seconds: Int
    let rounds: Int

    /// `signal` encoded live with the encoder and the packetizer `AudioTrack` makes.
    func live(_ signal: AudioSignal) throws -> Double {
        var results: [Double] = []
        for _ in 0..<rounds { results.append(try liveRound(signal)) }
        return median(results)
    }

    /// `signal` replayed from its table; and the wall time until the table was ready.
    func replayed(_ signal: AudioConfig.Signal) throws -> (milliseconds: Double, tableReadySeconds: Double) {
        let track = try AudioReplayTrack(AudioConfig(codec: .aac, rate: rate, signal: signal))
        precondition(track.isReplaying, "the AAC track replays its table")
        var results: [Double] = []
        for _ in 0..<rounds {
            let packetizer = MPEG4GenericPacketizer(ssrc: 1, initialSequenceNumber: 0, payloadType: 97)
            results.append(track.millisecondsPerSecond(seconds: seconds * 20, rate: rate, packetizer: packetizer))
        }
        return (median(results), track.tableReadySeconds)
    }

    private func liveRound(_ signal: AudioSignal) throws -> Double {
        let encoder = try AACEncoder(settings: AACEncoderSettings(sampleRate: rate))
        var packetizer = MPEG4GenericPacketizer(ssrc: 1, initialSequenceNumber: 0, payloadType: 97)
        var pcm = [Int16](repeating: 0, count: encoder.frameSize)
        var packets = 0
        let start = threadCPUNanoseconds()
        for index in 0..<(seconds * rate / encoder.frameSize) {
            let first = Int64(index * encoder.frameSize)
            pcm.withUnsafeMutableBufferPointer {
                signal.render(into: $0, from: first, frames: encoder.frameSize, rate: rate, channels: 1)
            }
            try pcm.withUnsafeBufferPointer { input in
                try encoder.encode(input, firstSample: first) { unit, time in
                    packets += packetizer.packetize(accessUnit: unit, timestamp: UInt32(truncatingIfNeeded: time)).packetCount
                }
            }
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(packets > 0)
        return Double(elapsed) / 1e6 / Double(seconds)
    }
}
