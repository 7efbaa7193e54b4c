import Audio
import Testing
@testable import AAC

/// The native AAC-LC encoder: its AudioSpecificConfig, unit timing, and what a decoder makes
/// of its output (the tone's frequency, and a beep's onset on the stream's timeline).
@Suite struct AACEncoderTests {
    /// The AudioSpecificConfig's first 13 bits: object type 2 (AAC-LC), the sampling frequency
    /// index, and the channel configuration (ISO/IEC 14496-3 §1.6.2.1).
    @Test(arguments: [(48_000, 1, UInt8(0x11), UInt8(0x88)), (44_100, 2, 0x12, 0x10), (16_000, 1, 0x14, 0x08)])
    func audioSpecificConfig(rate: Int, channels: Int, first: UInt8, second: UInt8) throws {
        let encoder = try AACEncoder(settings: AACEncoderSettings(sampleRate: rate, channels: channels))
        #expect(encoder.frameSize == 1024)
        #expect(encoder.audioSpecificConfig.count >= 2)
        #expect(encoder.audioSpecificConfig.prefix(2) == [first, second])
    }

    @Test func refusesUnsupportedFormats() {
        #expect(throws: AACEncoderError.unsupportedFormat(sampleRate: 8000, channels: 1)) {
            try AACEncoder(settings: AACEncoderSettings(sampleRate: 8000))
        }
        #expect(throws: AACEncoderError.unsupportedFormat(sampleRate: 48_000, channels: 3)) {
            try AACEncoder(settings: AACEncoderSettings(sampleRate: 48_000, channels: 3))
        }
    }

    /// Encodes `seconds` of `signal` and returns the units with their presentation times.
    static func encode(_ signal: AudioSignal, rate: Int, channels: Int = 1, seconds: Int) throws
        -> (encoder: AACEncoder, units: [(bytes: [UInt8], time: Int64)])
    {
        let encoder = try AACEncoder(settings: AACEncoderSettings(sampleRate: rate, channels: channels))
        var units: [(bytes: [UInt8], time: Int64)] = []
        var start: Int64 = 0
        while start < Int64(seconds * rate) {
            let pcm = signal.samples(from: start, frames: encoder.frameSize, rate: rate, channels: channels)
            try pcm.withUnsafeBufferPointer { buffer in
                try encoder.encode(buffer, firstSample: start) { unit, time in units.append((Array(unit), time)) }
            }
            start += Int64(encoder.frameSize)
        }
        return (encoder, units)
    }

    /// One unit per input frame, stamped a frame apart, the first 1024 samples early (the
    /// encoder's priming), each within the 13-bit AU-size of RFC 3640 AAC-hbr.
    @Test func unitsAreStampedOnTheStreamTimeline() throws {
        let (_, units) = try Self.encode(.tone(Tone(frequency: 1000)), rate: 48_000, seconds: 1)
        #expect(units.count >= 45)
        #expect(units.first?.time == -1024)
        #expect(zip(units, units.dropFirst()).allSatisfy { $1.time - $0.time == 1024 })
        #expect(units.allSatisfy { !$0.bytes.isEmpty && $0.bytes.count <= 8191 })
        // About 64 kbit/s: 8000 octets a second, give or take.
        let octets = units.reduce(0) { $0 + $1.bytes.count }
        #expect((4000...12000).contains(octets))
    }

    @Test(arguments: [(48_000, 1), (44_100, 2), (16_000, 1)])
    func decodesToTheTone(rate: Int, channels: Int) throws {
        let (encoder, units) = try Self.encode(.tone(Tone(frequency: 1000, levelDBFS: -6)), rate: rate, channels: channels, seconds: 2)
        let decoder = AACTestDecoder(audioSpecificConfig: encoder.audioSpecificConfig)
        for unit in units { decoder.decode(unit.bytes, at: unit.time) }
        let steady = Array(decoder.samples[(rate / 2)..<(rate / 2 + rate)])
        var crossings = 0
        for i in 1..<steady.count where steady[i - 1] < 0 && steady[i] >= 0 { crossings += 1 }
        #expect(abs(crossings - 1000) <= 5)
        let peak = steady.map(abs).max() ?? 0
        #expect(abs(peak - 0.5) < 0.1)  // −6 dBFS
    }

    /// Played at its units' times, the decoded audio puts each beep's onset on its whole second:
    /// within a millisecond, far inside a video frame.
    @Test func beepOnsetStaysOnTheWholeSecond() throws {
        let rate = 48_000
        let (encoder, units) = try Self.encode(.beep(.avSync), rate: rate, seconds: 4)
        let decoder = AACTestDecoder(audioSpecificConfig: encoder.audioSpecificConfig)
        for unit in units { decoder.decode(unit.bytes, at: unit.time) }
        let origin = Int(try #require(decoder.origin))  // −1024: index 0 of `samples`
        for second in 1...3 {
            let around = (second * rate - 2400)..<(second * rate + 2400)
            let onset = try #require(around.first { abs(decoder.samples[$0 - origin]) > 0.1 })
            #expect(abs(onset - second * rate) <= 48, "onset at \(onset), second \(second)")
        }
    }
}
