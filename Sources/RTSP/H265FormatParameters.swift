import Foundation

/// The `a=fmtp` parameters of an H.265 RTP stream (RFC 7798 §7.1) camsim writes and reads:
/// profile-space, profile-id, tier-flag, level-id, and the parameter sets `sprop-vps`,
/// `sprop-sps`, `sprop-pps` (base64 NAL units without start codes, comma-separated when
/// there are several). Parameters absent from the text are nil (the RFC's defaults apply:
/// profile-space 0, profile-id 1, tier-flag 0, level-id 93).
public struct H265FormatParameters: Hashable, Sendable {
    /// Most characters of one base64 parameter set accepted when parsing.
    public static let maximumParameterSetLength = 4096
    /// Most parameter sets of one kind accepted when parsing.
    public static let maximumParameterSetCount = 16
    /// Largest value of each numeric parameter (RFC 7798 §7.1): profile-space 0-3,
    /// profile-id 0-31, tier-flag 0-1, level-id 0-255.
    static let numericLimits: [String: Int] = ["profile-space": 3, "profile-id": 31, "tier-flag": 1, "level-id": 255]

    public var profileSpace: Int?
    public var profileID: Int?
    public var tierFlag: Int?
    public var levelID: Int?
    public var videoParameterSets: [[UInt8]]
    public var sequenceParameterSets: [[UInt8]]
    public var pictureParameterSets: [[UInt8]]

    public init(
        profileSpace: Int? = nil, profileID: Int? = nil, tierFlag: Int? = nil, levelID: Int? = nil,
        videoParameterSets: [[UInt8]] = [], sequenceParameterSets: [[UInt8]] = [], pictureParameterSets: [[UInt8]] = []
    ) {
        self.profileSpace = profileSpace
        self.profileID = profileID
        self.tierFlag = tierFlag
        self.levelID = levelID
        self.videoParameterSets = videoParameterSets
        self.sequenceParameterSets = sequenceParameterSets
        self.pictureParameterSets = pictureParameterSets
    }

    /// `profile-id=1;tier-flag=0;level-id=93;sprop-vps=…;sprop-sps=…;sprop-pps=…`
    /// (profile-space first when known); unknown pieces are left out.
    public var serialized: String {
        var parts: [String] = []
        if let profileSpace { parts.append("profile-space=\(profileSpace)") }
        if let profileID { parts.append("profile-id=\(profileID)") }
        if let tierFlag { parts.append("tier-flag=\(tierFlag)") }
        if let levelID { parts.append("level-id=\(levelID)") }
        for (name, sets) in [("sprop-vps", videoParameterSets), ("sprop-sps", sequenceParameterSets), ("sprop-pps", pictureParameterSets)]
        where !sets.isEmpty {
            parts.append("\(name)=" + sets.map { Data($0).base64EncodedString() }.joined(separator: ","))
        }
        return parts.joined(separator: ";")
    }

    /// Parses the parameter list of an fmtp attribute (after the payload type). Parameters
    /// this type does not model are skipped; a known one with a bad value fails the whole list.
    public static func parse(_ text: String) throws(SDPParseError) -> H265FormatParameters {
        var result = H265FormatParameters()
        for parameter in HeaderSyntax.pieces(of: text, at: UInt8(ascii: ";"), omittingEmpty: true) {
            let (name, value) = HeaderSyntax.nameValue(String(parameter))
            guard let value else { continue }
            let key = name.lowercased()
            if let limit = numericLimits[key] {
                guard let number = HeaderSyntax.parseDigits(value, maxDigits: 3), number <= limit else {
                    throw .invalidFormatParameters(text)
                }
                switch key {
                case "profile-space": result.profileSpace = number
                case "profile-id": result.profileID = number
                case "tier-flag": result.tierFlag = number
                default: result.levelID = number
                }
                continue
            }
            switch key {
            case "sprop-vps": result.videoParameterSets = try parameterSets(value, in: text)
            case "sprop-sps": result.sequenceParameterSets = try parameterSets(value, in: text)
            case "sprop-pps": result.pictureParameterSets = try parameterSets(value, in: text)
            default: continue
            }
        }
        return result
    }

    /// A comma-separated list of base64 NAL units, each non-empty and within the limits.
    private static func parameterSets(_ value: String, in text: String) throws(SDPParseError) -> [[UInt8]] {
        let pieces = HeaderSyntax.pieces(of: value, at: UInt8(ascii: ","))
        guard pieces.count <= maximumParameterSetCount else { throw .invalidFormatParameters(text) }
        var sets: [[UInt8]] = []
        for piece in pieces {
            guard piece.utf8.count <= maximumParameterSetLength, let data = Data(base64Encoded: String(piece)), !data.isEmpty
            else { throw .invalidFormatParameters(text) }
            sets.append(Array(data))
        }
        return sets
    }
}
