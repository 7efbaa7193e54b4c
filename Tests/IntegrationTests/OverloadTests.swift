import Cameras
import Foundation
import Frames
import H264
import Server
import Testing

extension Integration {
    /// When there is not enough CPU, every camera gives up some frames, with honest
    /// timestamps, rather than one camera starving or a few cameras keeping every frame:
    /// a stream whose previous frame is still encoding keeps only its latest due slot and
    /// queues it the moment that encode ends, so the pool serves every stream in turn.
    @Suite
    struct OverloadTests {
        static let cameras = 10
        static let fps = 30

        @Test
        func camerasDegradeEvenlyWhenCPUIsShort() async throws {
            let scene = try TestServer.scene()
            let definitions = (1...Self.cameras).map { index in
                CameraDefinition(path: "cam\(index)", streams: [
                    StreamDefinition(
                        cameraName: "cam\(index)",
                        encoder: EncoderSettings(
                            width: 1920, height: 1080, frameRate: FrameRate(numerator: Self.fps),
                            rateControl: .averageBitrate(kbps: 8000)),
                        idleStopDelayNanoseconds: 0, seed: UInt64(index),
                        makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
                ])
            }
            // One encode thread for ten 1080p30 cameras: more work than it can do.
            let server = CamsimServer(
                configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, encodeThreads: 1),
                cameras: definitions)
            try await server.start()
            var recorders: [ViewerRecorder] = []
            do {
                for index in 1...Self.cameras {
                    let viewer = try InterleavedViewer(port: server.port)
                    try viewer.play(server.url(forPath: "cam\(index)"))
                    recorders.append(ViewerRecorder(viewer))
                }
                let started = await Poll.until(timeoutSeconds: 20) { recorders.allSatisfy { $0.accessUnits.count >= 3 } }
                try #require(started, "not every camera started")
                let window = 5.0
                let before = recorders.map(\.accessUnits.count)
                let skippedBefore = (1...Self.cameras).map { server.stream(atPath: "cam\($0)")!.counters.snapshot.framesSkipped }
                let start = Date()
                _ = await Poll.until(timeoutSeconds: window + 1) { Date().timeIntervalSince(start) >= window }
                let delivered = zip(recorders.map(\.accessUnits.count), before).map { $0 - $1 }
                let skipped = (1...Self.cameras).map { server.stream(atPath: "cam\($0)")!.counters.snapshot.framesSkipped }
                    .enumerated().map { $0.element - skippedBefore[$0.offset] }
                let mean = Double(delivered.reduce(0, +)) / Double(delivered.count)
                print("overload: frames per camera in \(window) s: \(delivered) (mean \(String(format: "%.1f", mean)) of \(Int(window) * Self.fps)); skipped: \(skipped)")
                #expect(skipped.allSatisfy { $0 > 0 }, "the machine was not short of CPU; the test proves nothing: \(skipped)")
                #expect(delivered.allSatisfy { $0 > 0 }, "a camera starved: \(delivered)")
                for count in delivered {
                    #expect(Double(count) >= 0.8 * mean && Double(count) <= 1.2 * mean, "uneven: \(delivered)")
                }
            } catch {
                recorders.forEach { $0.stop() }
                await server.shutdown()
                throw error
            }
            recorders.forEach { $0.stop() }
            await server.shutdown()
        }
    }
}
