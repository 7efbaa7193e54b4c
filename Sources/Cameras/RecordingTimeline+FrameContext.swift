import Frames

extension RecordingTimeline {
    /// What a scene is told when it draws recorded frame `slot`: the slot's capture
    /// instant as the clock's time, its index in the recording as the frame number, and
    /// its normal play time as the media time. The picture is the same whenever, and by
    /// whichever session, it is drawn.
    public func frameContext(for slot: Slot, cameraName: String, seed: UInt64) -> FrameContext {
        FrameContext(
            frameIndex: slot.index, mediaTime: normalPlayTime(of: slot.instantNanoseconds),
            wallClockNanos: slot.instantNanoseconds, cameraName: cameraName, seed: seed,
            frameRate: frameRate.framesPerSecond)
    }
}
