import Cameras
import Foundation
import Frames
import H264
import Server

/// Issue figures for many cameras: how many live 640x360@15 cameras, one loopback
/// viewer each, this machine serves in real time; CPU per delivered frame; memory per
/// live camera and per idle configured camera.
struct ScaleBenchmark {
    let scene: Scene
    let counts: [Int]
    let windowSeconds: Double

    struct Step {
        var cameras: Int
        var deliveredFraction: Double
        var worstCameraFraction: Double
        var skipped: Int
        var cpuMillisecondsPerFrame: Double
        var memoryPerCameraBytes: Double
        var isRealTime: Bool { worstCameraFraction >= 0.95 }
    }

    func cameras(_ count: Int) -> [CameraDefinition] {
        let scene = self.scene
        return (1...count).map { index in
            CameraDefinition(path: "cam-\(index)", streams: [
                StreamDefinition(
                    cameraName: "cam-\(index)",
                    encoder: EncoderSettings(width: 640, height: 360, frameRate: FrameRate(numerator: 15),
                                             rateControl: .averageBitrate(kbps: 600)),
                    idleStopDelayNanoseconds: 0, seed: UInt64(index),
                    makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
            ])
        }
    }

    func step(_ count: Int) async throws -> Step {
        let before = ProcessMemory.read()
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0), cameras: cameras(count))
        try await server.start()
        let viewers = (1...count).map { LoopbackViewer(url: server.url(forPath: "cam-\($0)"), port: server.port) }
        viewers.forEach { $0.start() }
        try await Task.sleep(for: .seconds(2))  // warm-up: every viewer playing
        let startFrames = viewers.map(\.frameCount)
        let startSkipped = skipped(server, count)
        let startCPU = processCPUNanoseconds()
        try await Task.sleep(for: .seconds(windowSeconds))
        let cpu = processCPUNanoseconds() - startCPU
        let frames = zip(viewers.map(\.frameCount), startFrames).map { $0 - $1 }
        let memory = ProcessMemory.read()
        let skippedFrames = skipped(server, count) - startSkipped
        viewers.forEach { $0.stop() }
        await server.shutdown()
        if let failure = viewers.compactMap(\.failure).first { throw BenchError.protocolError(failure) }
        let expected = 15 * windowSeconds
        let delivered = frames.reduce(0, +)
        return Step(
            cameras: count,
            deliveredFraction: Double(delivered) / (expected * Double(count)),
            worstCameraFraction: Double(frames.min() ?? 0) / expected,
            skipped: skippedFrames,
            cpuMillisecondsPerFrame: Double(cpu) / 1e6 / Double(max(1, delivered)),
            memoryPerCameraBytes: Double(memory.resident - before.resident) / Double(count)
        )
    }

    private func skipped(_ server: CamsimServer, _ count: Int) -> Int {
        (1...count).reduce(0) { $0 + (server.stream(atPath: "cam-\($1)")?.counters.snapshot.framesSkipped ?? 0) }
    }

    /// Resident memory per configured, idle camera.
    func idleMemoryPerCamera(count: Int) async throws -> Double {
        let before = ProcessMemory.read()
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0), cameras: cameras(count))
        try await server.start()
        try await Task.sleep(for: .milliseconds(500))
        let after = ProcessMemory.read()
        await server.shutdown()
        return Double(after.resident - before.resident) / Double(count)
    }
}
