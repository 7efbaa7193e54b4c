import H264

extension StreamDefinition {
    /// Applies a camera's encoder-shaping media faults before its encoders open: a
    /// keyframe interval (`gop`) and the frame rate the SPS announces (`declared_fps`).
    /// A nil value keeps the configured one.
    public mutating func shapeEncoder(gop: Int?, declaredFramesPerSecond: Double?) {
        if let gop { encoder.gop = gop }
        if let declaredFramesPerSecond { encoder.signalledFrameRate = FrameRate(declaredFramesPerSecond) }
    }
}
