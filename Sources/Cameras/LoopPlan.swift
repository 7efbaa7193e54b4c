import H264

/// How long a loop is in frames and what GOP it is encoded with, from its length in
/// seconds and the stream's encoder settings. Pure.
///
/// The loop's first frame is an IDR and the loop is a whole number of GOPs, so the GOP
/// cadence runs on unbroken across the seam. A GOP longer than the loop is cut to the loop.
/// With a GOP of one frame the loop has an even number of frames, so the IDRs on either
/// side of the seam differ in `idr_pic_id` as H.264 §7.4.3 asks of consecutive IDRs.
public struct LoopPlan: Equatable, Sendable {
    /// Frames in the loop.
    public var frameCount: Int
    /// Frames from one IDR to the next inside the loop.
    public var gop: Int

    /// The longest GOP that keeps a new viewer's jump to the nearest IDR short: one second.
    public static let recommendedMaximumGOPSeconds = 1.0

    public init(seconds: Double, encoder: EncoderSettings) {
        let fps = encoder.frameRate.framesPerSecond
        let frames = max(1, Int((seconds * fps).rounded()))
        gop = max(1, min(encoder.gop, frames))
        frameCount = (frames + gop - 1) / gop * gop
        if gop == 1, frameCount % 2 == 1 { frameCount += 1 }
    }

    /// Whether the GOP is longer than the recommended second at `framesPerSecond`.
    public func gopExceedsRecommendation(framesPerSecond: Double) -> Bool {
        Double(gop) > (Self.recommendedMaximumGOPSeconds * framesPerSecond).rounded()
    }
}
