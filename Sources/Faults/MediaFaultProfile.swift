/// Faults in the media itself, decided per access unit (frame) or described as
/// data for the encoder and packetizer to apply. Optional fields as in
/// ``NetworkFaultProfile``; times are elapsed nanoseconds since the stream started.
public struct MediaFaultProfile: Sendable, Equatable, Hashable {
    /// Each frame is dropped with this probability.
    public var dropFrames: Double?
    /// Every N-th frame (frame indices N−1, 2N−1, …) is dropped.
    public var dropEvery: Int?
    /// Each IDR frame is lost with this probability, and with it every frame up
    /// to the next IDR (the decoder has nothing to predict from).
    public var dropIDR: Double?
    /// While active, RTP stops (no frames are sent) but RTCP continues.
    public var freeze: FaultWindow?
    /// While active, each frame carries the previous frame's picture.
    public var frozenPicture: FaultWindow?
    /// A new viewer gets no IDR on joining: it waits for the next regular one.
    public var suppressIDROnJoin: Bool?
    /// Frames between IDRs, replacing the stream's GOP (e.g. a very long GOP).
    public var gopOverride: Int?
    /// Leave SPS/PPS out of the stream (they are only in the SDP).
    public var stripParameterSets: Bool?
    /// The picture size changes at a time.
    public var resolutionChange: ResolutionChange?
    /// The RTP timestamp jumps by an offset at a time.
    public var timestampJump: TimestampJump?
    /// RTCP sender reports' NTP clock runs fast (positive) or slow by this many
    /// parts per million against the RTP clock.
    public var rtcpDriftPPM: Double?
    /// Frame rate announced (SDP `a=framerate`, SPS timing) instead of the real one.
    public var declaredFrameRate: Double?
    /// The SSRC changes at this elapsed time.
    public var ssrcChangeAt: Int64?
    /// The RTP payload type changes at a time.
    public var payloadTypeChange: PayloadTypeChange?
    /// Nanoseconds (may be negative) added to the audio track's RTP timestamps, while its
    /// sender reports keep the true mapping: the audio plays that much later than the video.
    public var audioOffset: Int64?
    /// The audio track's RTP clock runs fast (positive) or slow by this many parts per
    /// million against the sender reports' (and the video's) clock.
    public var audioDriftPPM: Double?

    public init(
        dropFrames: Double? = nil,
        dropEvery: Int? = nil,
        dropIDR: Double? = nil,
        freeze: FaultWindow? = nil,
        frozenPicture: FaultWindow? = nil,
        suppressIDROnJoin: Bool? = nil,
        gopOverride: Int? = nil,
        stripParameterSets: Bool? = nil,
        resolutionChange: ResolutionChange? = nil,
        timestampJump: TimestampJump? = nil,
        rtcpDriftPPM: Double? = nil,
        declaredFrameRate: Double? = nil,
        ssrcChangeAt: Int64? = nil,
        payloadTypeChange: PayloadTypeChange? = nil,
        audioOffset: Int64? = nil,
        audioDriftPPM: Double? = nil
    ) {
        self.dropFrames = dropFrames
        self.dropEvery = dropEvery
        self.dropIDR = dropIDR
        self.freeze = freeze
        self.frozenPicture = frozenPicture
        self.suppressIDROnJoin = suppressIDROnJoin
        self.gopOverride = gopOverride
        self.stripParameterSets = stripParameterSets
        self.resolutionChange = resolutionChange
        self.timestampJump = timestampJump
        self.rtcpDriftPPM = rtcpDriftPPM
        self.declaredFrameRate = declaredFrameRate
        self.ssrcChangeAt = ssrcChangeAt
        self.payloadTypeChange = payloadTypeChange
        self.audioOffset = audioOffset
        self.audioDriftPPM = audioDriftPPM
    }

    /// This profile with every field that `later` sets replaced by `later`'s value.
    public func merged(with later: MediaFaultProfile) -> MediaFaultProfile {
        MediaFaultProfile(
            dropFrames: later.dropFrames ?? dropFrames,
            dropEvery: later.dropEvery ?? dropEvery,
            dropIDR: later.dropIDR ?? dropIDR,
            freeze: later.freeze ?? freeze,
            frozenPicture: later.frozenPicture ?? frozenPicture,
            suppressIDROnJoin: later.suppressIDROnJoin ?? suppressIDROnJoin,
            gopOverride: later.gopOverride ?? gopOverride,
            stripParameterSets: later.stripParameterSets ?? stripParameterSets,
            resolutionChange: later.resolutionChange ?? resolutionChange,
            timestampJump: later.timestampJump ?? timestampJump,
            rtcpDriftPPM: later.rtcpDriftPPM ?? rtcpDriftPPM,
            declaredFrameRate: later.declaredFrameRate ?? declaredFrameRate,
            ssrcChangeAt: later.ssrcChangeAt ?? ssrcChangeAt,
            payloadTypeChange: later.payloadTypeChange ?? payloadTypeChange,
            audioOffset: later.audioOffset ?? audioOffset,
            audioDriftPPM: later.audioDriftPPM ?? audioDriftPPM
        )
    }

    public var isEmpty: Bool { self == MediaFaultProfile() }
}

/// A change of picture size at an elapsed time.
public struct ResolutionChange: Sendable, Equatable, Hashable {
    public var at: Int64
    public var width: Int
    public var height: Int

    public init(at: Int64, width: Int, height: Int) {
        self.at = at
        self.width = width
        self.height = height
    }
}

/// A jump of the RTP timestamp by `offset` nanoseconds of media time (may be
/// negative) from an elapsed time on.
public struct TimestampJump: Sendable, Equatable, Hashable {
    public var at: Int64
    public var offset: Int64

    public init(at: Int64, offset: Int64) {
        self.at = at
        self.offset = offset
    }
}

/// A change of the RTP payload type at an elapsed time.
public struct PayloadTypeChange: Sendable, Equatable, Hashable {
    public var at: Int64
    /// The new payload type, 0–127.
    public var payloadType: UInt8

    public init(at: Int64, payloadType: UInt8) {
        self.at = at
        self.payloadType = payloadType
    }
}

extension MediaFaultProfile {
    /// The picture size a resolution change puts in force at `elapsed`, or nil for the
    /// configured one.
    public func resolution(at elapsed: Int64) -> (width: Int, height: Int)? {
        guard let change = resolutionChange, elapsed >= change.at else { return nil }
        return (change.width, change.height)
    }

    /// The part of this profile a camera's encoders are opened with (a GOP override, the
    /// frame rate the SPS announces): changing it needs new encoders, not just new faults.
    public var encoderShaping: MediaFaultProfile {
        MediaFaultProfile(gopOverride: gopOverride, declaredFrameRate: declaredFrameRate)
    }

    /// The YAML names of the faults set here that act on the camera's one encoder,
    /// which every viewer shares (empty when there are none).
    public var cameraWideFaultNames: [String] {
        var names: [String] = []
        if gopOverride != nil { names.append("gop") }
        if frozenPicture != nil { names.append("frozen_picture") }
        if resolutionChange != nil { names.append("resolution_change") }
        return names
    }
}
