import Cameras
import Foundation
import Logging
import NIOCore
import NIOPosix

/// CPU per second of `tracks` audio tracks run in real time on one event loop, each played
/// by one viewer that counts what it is given: the unit timer, the encoder (or the table),
/// the RTP packets and the fan-out, as a camera's track costs in a server (the network
/// send left out). Reported per track.
struct AudioTrackLoopBenchmark {
    let definition: AudioTrackDefinition
    let tracks: Int
    let seconds: Double

    /// A viewer that counts packets.
    final class CountingViewer: StreamViewer, @unchecked Sendable {
        var packets = 0
        func streamWillStart(firstSequenceNumber: UInt16, rtpTimestamp: UInt32, captureWallClockNanos: Int64) {}
        func deliver(_ delivery: RTPDelivery) { packets += delivery.packets.count }
        func streamDidEnd() {}
        func streamWasDropped() {}
    }

    /// CPU milliseconds per second of media per track, and the packets per second per track.
    func run() throws -> (milliseconds: Double, packetsPerSecond: Double) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let loop = group.next()
        let clock = SystemMonotonicClock()
        let viewers = (0..<tracks).map { _ in CountingViewer() }
        let audioTracks = (0..<tracks).map { index in
            AudioTrack(
                definition: definition, streamName: "bench\(index)", seed: UInt64(index), origin: clock.reading(),
                eventLoop: loop, clock: clock, logger: Logger(label: "bench"))
        }
        // Open the encoders first, so the measured span is steady state.
        for (track, viewer) in zip(audioTracks, viewers) { track.play(viewer) }
        Thread.sleep(forTimeInterval: 0.5)
        let packetsBefore = try loop.submit { viewers.reduce(0) { $0 + $1.packets } }.wait()
        let start = processCPUNanoseconds(), wallStart = Date()
        Thread.sleep(forTimeInterval: seconds)
        let elapsed = processCPUNanoseconds() - start, wall = Date().timeIntervalSince(wallStart)
        let packets = try loop.submit { viewers.reduce(0) { $0 + $1.packets } }.wait() - packetsBefore
        for track in audioTracks { track.end() }
        try loop.submit {}.wait()
        let trackSeconds = wall * Double(tracks)
        return (Double(elapsed) / 1e6 / trackSeconds, Double(packets) / trackSeconds)
    }
}
