import Audio
import Cameras
import Config
import Frames
import H264
import RTP

/// Issue figure: what a G.711 audio track adds to a camera. CPU per second of the audio
/// track (tone, μ-law, 20 ms RTP packets, as `AudioTrack` makes them: replayed from the
/// process's table, and encoded live for comparison) against the same
/// camera's video pipeline (render, x264, RTP) for a second of frames, measured in the
/// same run with alternating rounds.
struct AudioBenchmark {
    let scene: Scene
    let settings: EncoderSettings
    let seconds: Int
    let rounds: Int

    struct Result {
        /// CPU milliseconds per second of media.
        var videoMilliseconds: Double
        /// The track as a camera sends it: replayed from the process's table.
        var audioMilliseconds: Double
        /// The same track encoded live, sample by sample.
        var liveAudioMilliseconds: Double
        /// The audio's share of one core.
        var audioCorePercent: Double { audioMilliseconds / 10 }
        var ratio: Double { audioMilliseconds / videoMilliseconds }
    }

    func run() throws -> Result {
        let replay = try AudioReplayTrack(AudioConfig(codec: .pcmu, signal: .tone(frequency: 1000, levelDBFS: -20)))
        precondition(replay.isReplaying, "the G.711 track replays its table")
        var video: [Double] = [], audio: [Double] = [], live: [Double] = []
        for _ in 0..<rounds {
            video.append(try videoSecond())
            audio.append(replay.millisecondsPerSecond(
                seconds: seconds * 50, rate: 8000,
                packetizer: AudioFramePacketizer(ssrc: 2, initialSequenceNumber: 0, payloadType: 0)))
            live.append(audioSecond())
        }
        return Result(videoMilliseconds: median(video), audioMilliseconds: median(audio), liveAudioMilliseconds: median(live))
    }

    /// CPU milliseconds for one second of the camera's frames.
    private func videoSecond() throws -> Double {
        let scene = self.scene
        let definition = StreamDefinition(
            cameraName: "bench", encoder: settings, seed: 1,
            makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
        let pipeline = try EncodingPipeline(definition: definition)
        var packetizer: any RTPPacketizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 0)
        let frames = Int(settings.frameRate.framesPerSecond.rounded()) * seconds
        let fps = settings.frameRate
        var packets = 0
        let start = threadCPUNanoseconds()
        for index in 0..<frames {
            let media = fps.nanoseconds(untilFrame: Int64(index))
            let context = FrameContext(
                frameIndex: Int64(index), mediaTime: Double(media) / 1e9, wallClockNanos: 1_790_000_000_000_000_000 + media,
                cameraName: "bench", seed: 1, frameRate: fps.framesPerSecond)
            let request = AccessUnitRequest(context: context, forceIDR: false, rtpTimestamp: UInt32(truncatingIfNeeded: index * 3000))
            packets += try pipeline.makeAccessUnit(request, packetizer: &packetizer)?.packetCount ?? 0
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(packets > 0)
        return Double(elapsed) / 1e6 / Double(seconds)
    }

    /// CPU milliseconds for one second of a 1 kHz tone as 8 kHz μ-law in 20 ms packets,
    /// encoded live.
    private func audioSecond() -> Double {
        let tone = AudioSignal.tone(Tone(frequency: 1000, levelDBFS: -20))
        let encoder = G711Encoder(
            rate: 8000, packetMilliseconds: 20, signal: tone.sampler(rate: 8000),
            compress: { G711.muLaw.encode($0) })
        var packetizer: any RTPPacketizer = AudioFramePacketizer(ssrc: 2, initialSequenceNumber: 0, payloadType: 0)
        // Many seconds of audio, for a measurable time; reported per second.
        let audioSeconds = seconds * 50
        let units = audioSeconds * 50
        var octets = 0
        let start = threadCPUNanoseconds()
        for unit in 0..<units {
            let first = Int64(unit * encoder.samplesPerUnit)
            let batch = try? encoder.encodeUnit(firstSample: first, wallClockNanos: 0) { parts in
                packetizer.packetize(units: parts, timestamp: UInt32(truncatingIfNeeded: first))
            }
            octets += batch?.payloadOctets ?? 0
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(octets == units * 160)
        return Double(elapsed) / 1e6 / Double(audioSeconds)
    }
}

extension Bench {
    /// `--only audio`: the G.711 track's CPU per camera against the camera's video.
    static func printAudio(library: SceneLibrary, quick: Bool) throws {
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: 30))
        let result = try AudioBenchmark(
            scene: library.scene(named: "smpte-clock"), settings: settings, seconds: quick ? 1 : 3, rounds: quick ? 1 : 3
        ).run()
        print("Audio track, G.711 μ-law 8 kHz 20 ms packets, beside 1280x720@30 smpte-clock (CPU ms per second of media, median of rounds)")
        print("  camera video (render+encode+RTP)     \(format(result.videoMilliseconds, 1)) ms")
        print("  audio track, replayed (per camera)   \(format(result.audioMilliseconds, 3)) ms   (\(format(result.audioCorePercent, 3)) % of a core; goal < 1 %)")
        print("  audio track, encoded live            \(format(result.liveAudioMilliseconds, 3)) ms   (\(format(result.liveAudioMilliseconds / 10, 3)) % of a core)")
        print("  camera with its G.711 track / without \(format(1 + result.ratio, 3))x replayed; \(format(1 + result.liveAudioMilliseconds / result.videoMilliseconds, 3))x encoded live")
        print("")
    }
}
