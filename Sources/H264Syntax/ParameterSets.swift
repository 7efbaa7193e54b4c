/// A stream's sequence and picture parameter sets, as NAL units without start codes.
/// DESCRIBE advertises them in SDP (RFC 6184 §8.1 sprop-parameter-sets).
public struct ParameterSets: Sendable, Hashable {
    public var sequenceParameterSet: [UInt8]
    public var pictureParameterSet: [UInt8]

    public init(sequenceParameterSet: [UInt8], pictureParameterSet: [UInt8]) {
        self.sequenceParameterSet = sequenceParameterSet
        self.pictureParameterSet = pictureParameterSet
    }

    /// profile_idc, constraint flags and level_idc: the three bytes after the SPS
    /// NAL header (H.264 §7.3.2.1.1), as RFC 6184 §8.1 profile-level-id wants them.
    public var profileLevelID: (profile: UInt8, constraints: UInt8, level: UInt8)? {
        guard sequenceParameterSet.count >= 4 else { return nil }
        return (sequenceParameterSet[1], sequenceParameterSet[2], sequenceParameterSet[3])
    }
}
