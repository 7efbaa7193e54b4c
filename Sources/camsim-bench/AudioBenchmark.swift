import AAC
import Audio
import NIOCore
import RTP

/// Issue figure: the CPU an audio track adds to a camera, per second of media: the signal,
/// the encoder and the RTP packets, for G.711 at 8 kHz (20 ms packets) and AAC-LC at 48 kHz
/// (1024-sample units, RFC 3640), each in median CPU ms per second of audio over `rounds`.
struct AudioBenchmark {
    let seconds: Int
    let rounds: Int

    struct Result {
        var g711MillisecondsPerSecond: Double
        var aacMillisecondsPerSecond: Double
    }

    func run() throws -> Result {
        var g711: [Double] = []
        var aac: [Double] = []
        for _ in 0..<rounds {
            g711.append(try self.g711())
            aac.append(try self.aac(rate: 48_000))
        }
        return Result(g711MillisecondsPerSecond: median(g711), aacMillisecondsPerSecond: median(aac))
    }

    /// A 1 kHz tone in μ-law, 160 samples a packet, the packets written into one reused buffer.
    private func g711() throws -> Double {
        let signal = AudioSignal.tone(Tone())
        let rate = 8000, block = 160
        var pcm = [Int16](repeating: 0, count: block)
        var codes = [UInt8](repeating: 0, count: block)
        var storage = ByteBuffer()
        var octets = 0
        let start = threadCPUNanoseconds()
        for index in 0..<(seconds * rate / block) {
            let first = Int64(index * block)
            pcm.withUnsafeMutableBufferPointer { signal.render(into: $0, from: first, frames: block, rate: rate, channels: 1) }
            pcm.withUnsafeBufferPointer { input in codes.withUnsafeMutableBufferPointer { G711.muLaw.encode(input, into: $0) } }
            storage.clear()
            RTPHeader(marker: index == 0, payloadType: 0, sequenceNumber: UInt16(truncatingIfNeeded: index),
                      timestamp: UInt32(truncatingIfNeeded: first), ssrc: 1).write(into: &storage)
            storage.writeBytes(codes)
            octets += storage.readableBytes
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(octets > 0)
        return Double(elapsed) / 1e6 / Double(seconds)
    }

    /// A 1 kHz beep through the AAC-LC encoder and the RFC 3640 packetizer.
    private func aac(rate: Int) throws -> Double {
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
