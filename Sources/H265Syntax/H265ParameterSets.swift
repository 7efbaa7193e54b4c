/// A stream's video, sequence and picture parameter sets, as NAL units without start codes.
/// DESCRIBE advertises them in SDP (RFC 7798 §7.1 `sprop-vps`, `sprop-sps`, `sprop-pps`).
public struct H265ParameterSets: Sendable, Hashable {
    public var videoParameterSet: [UInt8]
    public var sequenceParameterSet: [UInt8]
    public var pictureParameterSet: [UInt8]

    public init(videoParameterSet: [UInt8], sequenceParameterSet: [UInt8], pictureParameterSet: [UInt8]) {
        self.videoParameterSet = videoParameterSet
        self.sequenceParameterSet = sequenceParameterSet
        self.pictureParameterSet = pictureParameterSet
    }

    /// The profile, tier and level the SPS declares, or the VPS when the SPS cannot be read.
    public var profileTierLevel: H265ProfileTierLevel? {
        H265ProfileTierLevel(sequenceParameterSet: sequenceParameterSet)
            ?? H265ProfileTierLevel(videoParameterSet: videoParameterSet)
    }
}
