/// How an ONVIF replay PLAY (`Require: onvif-replay`, ONVIF Streaming Specification,
/// "RTSP replay") asked for its frames.
public struct ReplayMode: Sendable, Equatable {
    /// `Rate-Control: yes` (the default): sent in real time. With `no`, frames go out as
    /// fast as the connection takes them (up to `unpacedMaximumSpeed` times the stream's
    /// frame rate, one encode at a time), with RTP timestamps taken from their capture instants.
    public var paced: Bool
    /// `Frames: intra`: every frame sent is an IDR.
    public var intraOnly: Bool
    /// `Frames: intra/<ms>`: recorded frames at least this far apart.
    public var minimumIntervalNanoseconds: Int64?
    /// The low byte of the PLAY request's CSeq, for the 0xABAC extension.
    public var cSeq: UInt8

    /// At most how many times faster than its frame rate an unpaced replay sends. Frames
    /// are drawn and encoded on demand, one at a time on the encode workers; this bound
    /// keeps one replay over a fast connection (or UDP, which never pushes back) from
    /// taking its worker from the streams beside it.
    public static let unpacedMaximumSpeed = 16

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
        return slots
    }
}
