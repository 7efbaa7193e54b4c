import AAC
import Cameras
import RTP
import RTSP

/// The AAC-LC encoder of a track (libavcodec's native encoder, RFC 3640 AAC-hbr): units of
/// 1024 samples per channel, each sample the signal at its index from the track's origin.
///
/// The encoder's output lags its input by two units (one of look-ahead, and its priming
/// delay of 1024 samples, which it subtracts from the units' times), so for the unit
/// starting at sample n it is fed the frames up to the one starting at n + 2048 and hands
/// back the unit stamped n: the signal is a pure function of the sample index, so the frames
/// ahead are already known, and a decoder playing each unit at its RTP timestamp hears
/// sample n at n / rate seconds, on the video's timeline.
public final class AACTrackEncoder: AudioEncoding, @unchecked Sendable {
    /// Samples per channel in one AAC-LC access unit (ISO/IEC 14496-3: 1024).
    public static let samplesPerUnit = 1024
    public let samplesPerUnit: Int
    public let formatParameters: SourceFormatParameters
    private let encoder: AACEncoder
    private let channels: Int
    private let rate: Int
    private let signal: @Sendable (_ sample: Int64) -> Int16
    /// The first sample of the next frame to feed; nil before the first.
    private var nextInput: Int64?
    private var pcm: [Int16]
    /// Units out of the encoder, not yet handed out, with their times in samples.
    private var pending: [(time: Int64, bytes: [UInt8])] = []

    /// - Parameter signal: the linear 16-bit sample at an index from the origin (a pure
    ///   function), the same on every channel.
    public init(
        rate: Int, channels: Int, signal: @escaping @Sendable (_ sample: Int64) -> Int16
    ) throws {
        encoder = try AACEncoder(settings: AACEncoderSettings(sampleRate: rate, channels: channels))
        samplesPerUnit = encoder.frameSize
        self.channels = channels
        self.rate = rate
        self.signal = signal
        pcm = [Int16](repeating: 0, count: encoder.frameSize * channels)
        formatParameters = SourceFormatParameters(
            fmtp: MPEG4GenericFormatParameters(config: encoder.audioSpecificConfig).parameters)
    }

    public func encodeUnit<Result>(
        firstSample: Int64, wallClockNanos: Int64, _ body: ([UnsafeRawBufferPointer]) throws -> Result
    ) throws -> Result? {
        let frame = Int64(samplesPerUnit)
        // A first unit, or one after skipped units: start feeding at the unit itself.
        let ahead = 2 * frame
        if nextInput == nil || nextInput! < firstSample || nextInput! > firstSample + ahead {
            nextInput = firstSample
            pending.removeAll()
        }
        while let next = nextInput, next <= firstSample + ahead {
            try feed(from: next)
            nextInput = next + frame
        }
        pending.removeAll { $0.time < firstSample }
        guard let index = pending.firstIndex(where: { $0.time == firstSample }) else { return nil }
        let unit = pending.remove(at: index)
        return try unit.bytes.withUnsafeBytes { try body([$0]) }
    }

    private func feed(from first: Int64) throws {
        let channels = self.channels
        for i in 0..<samplesPerUnit {
            let value = signal(first + Int64(i))
            for channel in 0..<channels { pcm[i * channels + channel] = value }
        }
        try pcm.withUnsafeBufferPointer { input in
            try encoder.encode(input, firstSample: first) { unit, time in pending.append((time, Array(unit))) }
        }
    }
}
