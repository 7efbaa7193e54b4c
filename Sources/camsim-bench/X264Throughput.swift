import Foundation
import Frames
import H264

/// libx264 alone at full speed on `threads` threads, each with an encoder of its own
/// going over the same pre-rendered frames again and again: the frames a second this
/// machine's cores encode with nothing else to do, the ceiling a live camera count is
/// measured against.
enum X264Throughput {
    static func framesPerSecond(
        _ pictures: [PictureBuffer], settings: EncoderSettings, threads: Int, seconds: Double
    ) throws -> Double {
        let counts = Counts(threads)
        let done = DispatchSemaphore(value: 0)
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        for thread in 0..<threads {
            Thread {
                defer { done.signal() }
                guard let encoder = try? H264Encoder(settings: settings) else { return }
                var index = 0
                while Date() < deadline {
                    let picture = pictures[index % pictures.count]
                    _ = try? encoder.encode(external: picture.view, frameIndex: Int64(index), forceIDR: false) { _, _ in }
                    index += 1
                }
                counts.set(thread, index)
            }.start()
        }
        for _ in 0..<threads { done.wait() }
        let elapsed = Date().timeIntervalSince(start)
        guard counts.total > 0 else { throw BenchError.protocolError("x264 did not open") }
        return Double(counts.total) / elapsed
    }

    /// Frames each thread encoded.
    private final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int]
        init(_ threads: Int) { values = Array(repeating: 0, count: threads) }
        func set(_ thread: Int, _ value: Int) { lock.withLock { values[thread] = value } }
        var total: Int { lock.withLock { values.reduce(0, +) } }
    }
}
