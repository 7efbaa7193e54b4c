import Foundation
import H265Syntax

/// An H.265 video track's parameter sets and random-access points (ITU-T H.265 §7.4.2.2,
/// Table 7-1): the SDP's `sprop-vps`/`sprop-sps`/`sprop-pps` (RFC 7798 §7.1), then the
/// in-band VPS, SPS and PPS, and IRAP pictures counted as the IDRs of the report.
extension ProbeVideoCounters {
    /// Reads the first SPS and PPS from the SDP's fmtp.
    mutating func describeH265(_ fmtp: String) {
        for parameter in fmtp.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            guard key == "sprop-sps" || key == "sprop-pps" else { continue }
            var text = pair[1].split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard text.utf8.count <= Self.maxH265ParameterSetBase64 else { continue }
            while text.utf8.count % 4 != 0 { text += "=" }
            guard let nal = Data(base64Encoded: text).map(Array.init) else { continue }
            if key == "sprop-sps" { noteH265SPS(nal) } else { pps = nal }
        }
    }

    /// A bound on one base64 parameter set read from the SDP.
    static let maxH265ParameterSetBase64 = 4_096

    /// Notes the access unit's parameter sets (when complete); true when it holds an IRAP picture.
    mutating func noteH265(_ nalUnits: [[UInt8]], complete: Bool) -> Bool {
        var isIRAP = false
        for nal in nalUnits where nal.count >= H265NALHeader.size {
            switch H265NALHeader(nal[0], nal[1]).type {
            case let type where H265NALType.isIRAP(type): isIRAP = true
            case H265NALType.sequenceParameterSet where complete: noteH265SPS(nal)
            case H265NALType.pictureParameterSet where complete:
                if let pps, pps != nal { parameterSetChanges += 1 }
                pps = nal
            default: break
            }
        }
        return isIRAP
    }

    mutating func noteH265SPS(_ nal: [UInt8]) {
        if let sps, sps != nal { parameterSetChanges += 1 }
        sps = nal
        parsedH265SPS = H265SequenceParameterSet(nal)
        spsError = parsedH265SPS == nil ? "the H.265 SPS does not parse" : nil
    }
}
