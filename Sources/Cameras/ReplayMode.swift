/// How an ONVIF replay PLAY (`Require: onvif-replay`, ONVIF Streaming Specification,
/// "RTSP replay") asked for its frames.
public struct ReplayMode: Sendable, Equatable {
    /// `Rate-Control: yes` (the default): sent in real time. With `no`, frames go out
    /// faster (`unpacedSpeed` times the recording's rate) with RTP timestamps taken from
    /// their capture instants.
    public var paced: Bool
    /// `Frames: intra`: every frame sent is an IDR.
    public var intraOnly: Bool
    /// `Frames: intra/<ms>`: recorded frames at least this far apart.
    public var minimumIntervalNanoseconds: Int64?
    /// The low byte of the PLAY request's CSeq, for the 0xABAC extension.
    public var cSeq: UInt8

    /// How many times faster than real time an unpaced replay runs. Frames are drawn and
    /// encoded on demand, so the stream keeps its frame rate and each frame moves this many
    /// frame slots on.
    public static let unpacedSpeed = 8

    public init(paced: Bool = true, intraOnly: Bool = false, minimumIntervalNanoseconds: Int64? = nil, cSeq: UInt8 = 0) {
        self.paced = paced
        self.intraOnly = intraOnly
        self.minimumIntervalNanoseconds = minimumIntervalNanoseconds
        self.cSeq = cSeq
    }

    /// Recorded frame slots each frame sent moves on by, at `framePeriodNanoseconds`.
    public func slotsPerFrame(framePeriodNanoseconds: Int64) -> Int {
        var slots = 1
        if let interval = minimumIntervalNanoseconds, framePeriodNanoseconds > 0 {
            slots = max(1, Int((interval + framePeriodNanoseconds - 1) / framePeriodNanoseconds))
        }
        return paced ? slots : slots * Self.unpacedSpeed
    }
}
