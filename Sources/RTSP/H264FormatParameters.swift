import Foundation

/// The `a=fmtp` parameters of an H.264 RTP stream (RFC 6184 §8.1): packetization mode,
/// profile-level-id and the parameter sets (SPS and PPS NAL units, without start codes).
public struct H264FormatParameters: Hashable, Sendable {
    /// Most characters of a base64 parameter set accepted when parsing.
    public static let maximumParameterSetLength = 4096
    /// profile-level-id is three bytes: 6 hex digits (RFC 6184 §8.1).
    public static let profileLevelIDLength = 6

    public var packetizationMode: Int
    /// Six hex digits (uppercase when derived from the SPS); nil when unknown.
    public var profileLevelID: String?
    public var sps: [UInt8]
    public var pps: [UInt8]

    /// Derives profile-level-id from the SPS: the three bytes after its NAL header byte
    /// (profile_idc, constraint flags, level_idc). A leading Annex B start code is removed.
    public init(sps: [UInt8], pps: [UInt8], packetizationMode: Int = 1) {
        self.sps = Self.strippingStartCode(sps)
        self.pps = Self.strippingStartCode(pps)
        self.packetizationMode = packetizationMode
        self.profileLevelID = Self.profileLevelID(fromSPS: self.sps)
    }

    public static func profileLevelID(fromSPS sps: [UInt8]) -> String? {
        guard sps.count >= 4 else { return nil }
        return sps[1...3].map { HeaderSyntax.hex($0, digits: 2) }.joined()
    }

    static func strippingStartCode(_ nal: [UInt8]) -> [UInt8] {
        if nal.starts(with: [0, 0, 0, 1]) { return Array(nal.dropFirst(4)) }
        if nal.starts(with: [0, 0, 1]) { return Array(nal.dropFirst(3)) }
        return nal
    }

    /// `packetization-mode=1;profile-level-id=42C01E;sprop-parameter-sets=<SPS>,<PPS>`;
    /// unknown pieces are left out.
    public var serialized: String {
        var parts = ["packetization-mode=\(packetizationMode)"]
        if let profileLevelID { parts.append("profile-level-id=\(profileLevelID)") }
        if !sps.isEmpty, !pps.isEmpty {
            parts.append("sprop-parameter-sets=\(Data(sps).base64EncodedString()),\(Data(pps).base64EncodedString())")
        }
        return parts.joined(separator: ";")
    }

    /// Parses the parameter list of an fmtp attribute (after the payload type).
    public static func parse(_ text: String) throws(SDPParseError) -> H264FormatParameters {
        var result = H264FormatParameters(sps: [], pps: [], packetizationMode: 0)
        for parameter in HeaderSyntax.pieces(of: text, at: UInt8(ascii: ";"), omittingEmpty: true) {
            let (name, value) = HeaderSyntax.nameValue(String(parameter))
            guard let value else { continue }
            switch name.lowercased() {
            case "packetization-mode":
                guard let mode = HeaderSyntax.parseDigits(value, maxDigits: 1) else {
                    throw .invalidFormatParameters(text)
                }
                result.packetizationMode = mode
            case "profile-level-id":
                guard value.utf8.count == profileLevelIDLength, UInt32(value, radix: 16) != nil else {
                    throw .invalidFormatParameters(text)
                }
                result.profileLevelID = value
            case "sprop-parameter-sets":
                let sets = HeaderSyntax.pieces(of: value, at: UInt8(ascii: ","))
                guard sets.count >= 2, sets.allSatisfy({ $0.utf8.count <= maximumParameterSetLength }),
                      let sps = Data(base64Encoded: String(sets[0])), let pps = Data(base64Encoded: String(sets[1]))
                else { throw .invalidFormatParameters(text) }
                result.sps = Array(sps)
                result.pps = Array(pps)
            default:
                continue
            }
        }
        return result
    }
}
