extension AudioSignal {
    /// Writes `frames` sample frames starting at sample index `start` into `buffer` as
    /// interleaved Int16 PCM: every channel carries the same signal, so frame i fills
    /// `buffer[i·channels ..< (i+1)·channels]`. `buffer` must hold `frames · channels` samples.
    public func render(
        into buffer: UnsafeMutableBufferPointer<Int16>, from start: Int64, frames: Int, rate: Int, channels: Int
    ) {
        precondition(channels >= 1 && buffer.count >= frames * channels, "buffer too small for the block")
        if case .silence = self {
            buffer.update(repeating: 0)
            return
        }
        let amplitude = peakAmplitude
        var index = 0
        for frame in 0..<frames {
            let value = Int16(clamping: Int((amplitude * waveform(at: start + Int64(frame), rate: rate)).rounded()))
            for _ in 0..<channels {
                buffer[index] = value
                index += 1
            }
        }
    }

    /// `frames` sample frames from sample index `start`, interleaved over `channels`.
    public func samples(from start: Int64, frames: Int, rate: Int, channels: Int = 1) -> [Int16] {
        [Int16](unsafeUninitializedCapacity: frames * channels) { buffer, count in
            render(into: buffer, from: start, frames: frames, rate: rate, channels: channels)
            count = frames * channels
        }
    }
}
