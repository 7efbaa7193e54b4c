extension StreamStateMachine {
    /// What `CameraStream` does for the state machine, in the order given.
    enum Action: Equatable, Sendable {
        /// Open the media source at this picture size (on the encode pool); report
        /// `sourceOpened` or `sourceFailed`.
        case openSource(PictureSize)
        /// Close the media source. No encode is running.
        case closeSource
        /// Ask the source for one access unit (on the encode pool); report `encodeFinished`.
        case encode(EncodeRequest)
        /// Call `tickFired` at this monotonic time, replacing any tick already scheduled.
        case scheduleTick(at: Int64)
        case cancelTick
        /// Call `idleStopFired` at this monotonic time, replacing any idle stop already scheduled.
        case scheduleIdleStop(at: Int64)
        case cancelIdleStop
        /// Answer the DESCRIBEs waiting for parameter sets with the source's.
        case answerDescribes
        /// The source could not be opened: fail the DESCRIBEs waiting for it.
        case failDescribes
        /// Hand the access unit just encoded to every playing viewer. `starting` joined the
        /// playing viewers with this unit: they are told its first sequence number and
        /// timestamp first (PLAY's RTP-Info, RFC 2326 §12.33).
        case fanOut(starting: [ViewerID])
        /// The stream ended, or could not start: tell these viewers and forget them.
        case endViewers([ViewerID])
        /// The camera rebooted: these viewers were dropped without a goodbye.
        case dropViewers([ViewerID])
        /// Frame slots given up because the stream was behind or busy.
        case countSkipped(Int64)
    }

    /// One frame to encode.
    struct EncodeRequest: Equatable, Sendable {
        /// The frame's slot on the stream's frame clock.
        var frame: Int64
        var forceIDR: Bool
        /// False while a frozen-picture fault holds the picture.
        var redraw: Bool
        /// Media time of the slot (for the RTP timestamp) and its wall-clock capture time.
        var mediaNanos: Int64
        var wallClockNanos: Int64
        /// The stream identity the unit is made for; a reboot while encoding discards it.
        var epoch: UInt64
    }

    /// How an encode ended.
    enum EncodeOutcome: Equatable, Sendable {
        /// An access unit with packets; whether it holds an IDR slice.
        case accessUnit(isIDR: Bool)
        /// The source produced nothing for this frame.
        case nothing
        case failed
    }
}
