/// The `a=fmtp` parameters of an RFC 3640 `mpeg4-generic` stream (§4.1), as camsim sends
/// AAC in AAC-hbr mode (§3.3.6): stream type 5 (audio), the AU-header field widths and the
/// AudioSpecificConfig in hexadecimal as `config`.
///
///     a=rtpmap:97 MPEG4-GENERIC/48000/1
///     a=fmtp:97 streamtype=5; profile-level-id=1; mode=AAC-hbr; sizelength=13; indexlength=3;
///         indexdeltalength=3; config=1188
public struct MPEG4GenericFormatParameters: Hashable, Sendable {
    /// The encoding name in `a=rtpmap` (§4.1; matched case-insensitively).
    public static let encodingName = "MPEG4-GENERIC"
    /// Most octets of `config` accepted when parsing.
    public static let maximumConfigSize = 64
    /// Most digits of a numeric parameter accepted when parsing.
    static let maximumDigits = 6

    /// ISO/IEC 14496-1 streamType; 5 is audio.
    public var streamType: Int
    /// The MPEG-4 audio profile and level indication (ISO/IEC 14496-3); receivers take the
    /// details of the stream from the AudioSpecificConfig.
    public var profileLevelID: Int
    /// `AAC-hbr` (or `AAC-lbr`, `generic`, … when read from another server).
    public var mode: String
    public var sizeLength: Int
    public var indexLength: Int
    public var indexDeltaLength: Int
    /// The AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1).
    public var config: [UInt8]

    public init(
        config: [UInt8], streamType: Int = 5, profileLevelID: Int = 1, mode: String = "AAC-hbr",
        sizeLength: Int = 13, indexLength: Int = 3, indexDeltaLength: Int = 3
    ) {
        self.config = config
        self.streamType = streamType
        self.profileLevelID = profileLevelID
        self.mode = mode
        self.sizeLength = sizeLength
        self.indexLength = indexLength
        self.indexDeltaLength = indexDeltaLength
    }

    /// The parameters as names and values, in the order they are written.
    public var parameters: [(key: String, value: String)] {
        [
            ("streamtype", "\(streamType)"), ("profile-level-id", "\(profileLevelID)"), ("mode", mode),
            ("sizelength", "\(sizeLength)"), ("indexlength", "\(indexLength)"), ("indexdeltalength", "\(indexDeltaLength)"),
            ("config", config.map { HeaderSyntax.hex($0, digits: 2) }.joined()),
        ]
    }

    /// The parameter list, `; `-separated, config in upper-case hexadecimal.
    public var serialized: String {
        parameters.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    /// Parses the parameter list of an fmtp attribute (after the payload type). Names are
    /// case-insensitive (§4.1); unknown parameters are ignored; `mode` and `config` are required.
    public static func parse(_ text: String) throws(SDPParseError) -> MPEG4GenericFormatParameters {
        var result = MPEG4GenericFormatParameters(config: [], sizeLength: 0, indexLength: 0, indexDeltaLength: 0)
        var sawMode = false, sawConfig = false
        for parameter in HeaderSyntax.pieces(of: text, at: UInt8(ascii: ";"), omittingEmpty: true) {
            let (name, value) = HeaderSyntax.nameValue(String(parameter))
            guard let value else { continue }
            let lowered = name.lowercased()
            switch lowered {
            case "mode":
                guard HeaderSyntax.isToken(value) else { throw .invalidFormatParameters(text) }
                result.mode = value
                sawMode = true
            case "config":
                guard let bytes = hexOctets(value) else { throw .invalidFormatParameters(text) }
                result.config = bytes
                sawConfig = true
            case "streamtype", "profile-level-id", "sizelength", "indexlength", "indexdeltalength":
                guard let number = HeaderSyntax.parseDigits(value, maxDigits: maximumDigits) else {
                    throw .invalidFormatParameters(text)
                }
                switch lowered {
                case "streamtype": result.streamType = number
                case "profile-level-id": result.profileLevelID = number
                case "sizelength": result.sizeLength = number
                case "indexlength": result.indexLength = number
                default: result.indexDeltaLength = number
                }
            default:
                continue
            }
        }
        guard sawMode, sawConfig else { throw .invalidFormatParameters(text) }
        return result
    }

    /// Hexadecimal digits (either case, even count, at most `maximumConfigSize` octets) as octets.
    static func hexOctets(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0, digits.count <= 2 * maximumConfigSize else { return nil }
        var octets: [UInt8] = []
        octets.reserveCapacity(digits.count / 2)
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = HeaderSyntax.hexValue(digits[pair]), let low = HeaderSyntax.hexValue(digits[pair + 1]) else {
                return nil
            }
            octets.append(high << 4 | low)
        }
        return octets
    }
}
