import AAC
import Audio
import RTP

/// Issue figure: the CPU an AAC audio track adds to a camera, per second of media: the
/// signal, libavcodec's AAC-LC encoder (1024-sample units) and the RFC 3640 packets, in median
/// CPU ms per second of audio over `rounds`.
struct AACBenchmark {
    let rate: Int
    let seconds: Int
    let rounds: Int

    func run() throws -> Double {
        var results: [Double] = []
        for _ in 0..<rounds { results.append(try round()) }
        return median(results)
    }

    /// The av-sync beep through the encoder and the packetizer, as `AudioTrack` makes them.
    private func round() throws -> Double {
        let signal = AudioSignal.beep(.avSync)
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
