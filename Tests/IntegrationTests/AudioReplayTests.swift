import Audio
import Cameras
import Composition
import Config
import Foundation
import Testing

extension Integration {
    /// Audio encoded once per process and replayed: the units a track replays are those its
    /// live encoder makes, and ffmpeg's AAC decoder plays a replayed stream across its seams
    /// (every period) with no error, no click, the tone's frequency and the beep on its second.
    @Suite
    struct AudioReplayTests {
        /// A replaying encoder of the track `audio` configures, once the process's table for
        /// it is ready (the first encoder starts building it in the background).
        static func replaying(_ audio: AudioConfig) async throws -> ReplayingAudioEncoder {
            let definition = AudioTrackDefinition(audio, maxPacketSize: 1400)
            var encoder: ReplayingAudioEncoder?
            let ready = try await Poll.until(timeoutSeconds: 60) {
                encoder = try definition.makeEncoder() as? ReplayingAudioEncoder
                return encoder?.isReplaying == true
            }
            try #require(ready, "the table of \(audio) is ready within 60 s")
            return try #require(encoder)
        }

        /// Units 0 ..< `count` of `encoder`, each its parts joined.
        static func units(_ encoder: any AudioEncoding, count: Int) throws -> [[UInt8]] {
            try (0..<count).map { unit in
                let bytes = try encoder.encodeUnit(firstSample: Int64(unit * encoder.samplesPerUnit), wallClockNanos: 0) { parts in
                    parts.flatMap { Array($0) }
                }
                return try #require(bytes, "unit \(unit)")
            }
        }

        /// `units` as an ADTS stream (ISO/IEC 13818-7 §6.2: a 7-octet header, no CRC, before
        /// each AAC-LC raw data block).
        static func adts(_ units: [[UInt8]], rate: Int, channels: Int) throws -> Data {
            let rates = [96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 12_000, 11_025, 8000]
            let index = UInt8(try #require(rates.firstIndex(of: rate)))
            var data = Data()
            for unit in units {
                let length = unit.count + 7
                data.append(contentsOf: [
                    0xFF, 0xF1,  // syncword, MPEG-4, layer 0, protection absent
                    (1 << 6) | (index << 2) | UInt8(channels >> 2),  // profile LC (object type 2 − 1)
                    UInt8((channels & 3) << 6) | UInt8(length >> 11),
                    UInt8((length >> 3) & 0xFF),
                    UInt8((length & 7) << 5) | 0x1F,  // buffer fullness 0x7FF: variable rate
                    0xFC,  // one raw data block
                ])
                data.append(contentsOf: unit)
            }
            return data
        }

        /// ffmpeg decodes `units` (ADTS) to mono 16-bit PCM.
        static func decode(_ units: [[UInt8]], rate: Int) async throws -> [Int16] {
            let directory = FileManager.default.temporaryDirectory
            let input = directory.appendingPathComponent("camsim-replay-\(UUID()).aac")
            let output = directory.appendingPathComponent("camsim-replay-\(UUID()).raw")
            defer {
                try? FileManager.default.removeItem(at: input)
                try? FileManager.default.removeItem(at: output)
            }
            try adts(units, rate: rate, channels: 1).write(to: input)
            let result = await ClientProcess.run(try Clients.ffmpeg(), [
                "-nostdin", "-hide_banner", "-v", "error", "-f", "aac", "-i", input.path,
                "-f", "s16le", "-ac", "1", "-ar", "\(rate)", "-y", output.path,
            ], timeoutSeconds: 60)
            try #require(result.succeeded, "\(result)")
            #expect(result.stderr.isEmpty, "ffmpeg reported errors:\n\(result.stderr)")
            return try Data(contentsOf: output).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        }

        /// The largest step between neighbouring samples in `range`.
        static func largestStep(_ samples: [Int16], in range: Range<Int>) -> Int {
            range.dropFirst().map { abs(Int(samples[$0]) - Int(samples[$0 - 1])) }.max() ?? 0
        }

        static func largestDifference(_ a: [Int16], _ b: [Int16], in range: Range<Int>) -> Int {
            range.map { abs(Int(a[$0]) - Int(b[$0])) }.max() ?? 0
        }

        /// A 1 kHz tone at 48 kHz repeats every 3 AAC units: 5 s cross its seam 80 times. The
        /// recorded units are the live encoder's bytes; decoded, the replay has the tone's
        /// frequency, no step steeper than the sine's own slope allows, and differs from the
        /// live encoding by no more than the codec's noise.
        @Test func aToneReplaysAcrossItsSeams() async throws {
            let rate = 48_000, level = -10.0
            let signal = AudioSignal.tone(Tone(frequency: 1000, levelDBFS: level))
            let replay = try await Self.replaying(AudioConfig(codec: .aac, rate: rate, signal: .tone(frequency: 1000, levelDBFS: level)))
            let plan = try #require(replay.plan)
            #expect(plan.unitsPerPeriod == 3)
            let count = 240
            let replayed = try Self.units(replay, count: count)
            let live = try Self.units(try AACTrackEncoder(rate: rate, channels: 1, signal: signal.sampler(rate: rate)), count: count)
            for unit in Int(plan.firstUnit)..<Int(plan.unitsToEncode) where unit < count {
                #expect(replayed[unit] == live[unit], "unit \(unit) is the live encoder's")
            }
            let heard = try await Self.decode(replayed, rate: rate)
            let reference = try await Self.decode(live, rate: rate)
            #expect(heard.count >= (count - 1) * 1024)
            let steady = 4800..<min(heard.count, reference.count)
            let frequency = try #require(AudioTrackTests.frequency(of: Array(heard[steady]), rate: Double(rate)))
            let amplitude = AudioLevel.amplitude(dBFS: level)
            let slope = 2 * Double.pi * 1000 / Double(rate) * amplitude  // the sine's steepest step
            let step = Self.largestStep(heard, in: steady), liveStep = Self.largestStep(reference, in: steady)
            let difference = Self.largestDifference(heard, reference, in: steady)
            print("replayed AAC tone: \(String(format: "%.2f", frequency)) Hz, largest step \(step) (live \(liveStep), sine \(Int(slope))), largest difference from live \(difference)")
            #expect(abs(frequency - 1000) / 1000 < 0.01)
            #expect(Double(step) <= slope * 1.1, "a click: a step of \(step)")
            #expect(Double(difference) <= amplitude * 0.01, "replay differs from live by \(difference)")
        }

        /// The av-sync beep at 48 kHz repeats every 375 units (8 s): 20 s cross the seam twice,
        /// in the silence between beeps. Every onset stays on its whole second, the gaps stay
        /// silent, and the replay sounds as the live encoding does.
        @Test func theBeepReplaysAcrossItsSeams() async throws {
            let rate = 48_000
            let replay = try await Self.replaying(AudioConfig(codec: .aac, rate: rate, signal: AudioConfig.avSyncBeep))
            let plan = try #require(replay.plan)
            #expect(plan.unitsPerPeriod == 375)
            #expect(plan.index(ofUnit: plan.firstUnit) == 7, "the seam in the silence after the beep")
            let count = 20 * rate / 1024
            let replayed = try Self.units(replay, count: count)
            let live = try Self.units(
                try AACTrackEncoder(rate: rate, channels: 1, signal: AudioSignal.beep(.avSync).sampler(rate: rate)), count: count)
            let heard = try await Self.decode(replayed, rate: rate)
            let reference = try await Self.decode(live, rate: rate)
            var loudestGap = 0
            for second in 1...19 {
                let start = second * rate
                let onset = try #require((start - 2400..<start + 2400).first { abs(heard[$0]) > 3277 }, "a beep at \(second) s")
                #expect(abs(onset - start) <= 48, "onset at sample \(onset), second \(second)")
                let gap = (start + 4800 + 2048)..<(start + rate - 2048)
                loudestGap = max(loudestGap, gap.map { abs(Int(heard[$0])) }.max() ?? 0)
            }
            let difference = Self.largestDifference(heard, reference, in: rate..<min(heard.count, reference.count))
            print("replayed AAC beep: loudest sample between beeps \(loudestGap), largest difference from live \(difference)")
            #expect(loudestGap <= 33, "the silence between beeps, seams included, stays below −60 dBFS")
            #expect(Double(difference) <= AudioLevel.amplitude(dBFS: -6) * 0.01)
        }

        /// G.711 keeps no state between units: every replayed unit is the live encoder's,
        /// octet for octet, for a tone and for noise (whose table is 81.92 s long at 8 kHz).
        @Test func g711ReplaysTheLiveOctets() async throws {
            for (codec, signal, config) in [
                (G711.muLaw, AudioSignal.tone(Tone(frequency: 440, levelDBFS: -20)), AudioConfig.Signal.tone(frequency: 440, levelDBFS: -20)),
                (.aLaw, .noise(Noise(seed: 11, levelDBFS: -30)), .noise(seed: 11, levelDBFS: -30)),
            ] {
                let replay = try await Self.replaying(AudioConfig(codec: codec == .muLaw ? .pcmu : .pcma, rate: 8000, signal: config))
                let live = G711Encoder(rate: 8000, signal: signal.sampler(rate: 8000), compress: { codec.encode($0) })
                let first = 10_000  // 200 s in: the tables have wrapped
                for unit in first..<(first + 500) {
                    let sample = Int64(unit * 160)
                    let a = try replay.encodeUnit(firstSample: sample, wallClockNanos: 0) { $0.flatMap { Array($0) } }
                    let b = try live.encodeUnit(firstSample: sample, wallClockNanos: 0) { $0.flatMap { Array($0) } }
                    #expect(a == b, "\(codec) unit \(unit)")
                }
            }
        }
    }
}
