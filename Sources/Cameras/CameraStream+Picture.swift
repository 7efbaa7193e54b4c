import Frames
import NIOCore

extension CameraStream {
    /// The stream's picture now (size, freeze, frame slot), read on its event loop. The
    /// encoder is not touched: a stream nobody watches stays closed.
    public func pictureMoment() -> EventLoopFuture<StreamPictureMoment> {
        eventLoop.submit {
            let now = self.clock.reading()
            let faults = self.machine.pictureFaults
            let context = self.machine.frameClock.map { frameClock in
                // The slot due now, as the frame clock would take it (StreamClock.take).
                let frame = frameClock.frameRate.frameIndex(atNanoseconds: now.monotonic - frameClock.originNanos)
                return FrameContext(
                    frameIndex: frame,
                    mediaTime: Double(frameClock.mediaNanos(ofFrame: frame)) / 1e9,
                    wallClockNanos: frameClock.wallClockNanos(ofFrame: frame),
                    cameraName: self.definition.drawnCameraName,
                    seed: self.definition.drawnSeed(camera: self.seed),
                    frameRate: self.definition.encoder.frameRate.framesPerSecond)
            }
            return StreamPictureMoment(
                size: faults.resolution(now.monotonic) ?? self.definition.size,
                isFrozen: faults.isFrozen(now.monotonic),
                context: context, reading: now, seed: self.definition.drawnSeed(camera: self.seed))
        }
    }
}
