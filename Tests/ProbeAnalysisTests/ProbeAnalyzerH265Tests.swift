import Foundation
import ProbeAnalysis
import RTP
import Testing

/// An H.265 track (RFC 7798) fed to the analyzer as RTP payloads: size and profile from
/// `sprop-sps`, IRAP pictures as IDRs, and an access unit with a missing packet counted
/// incomplete.
@Suite("ProbeAnalyzer H.265")
struct ProbeAnalyzerH265Tests {
    /// x265's 320x240 Main level 2 SPS (the H265SyntaxTests vector), in base64.
    static let fmtp = "profile-id=1;tier-flag=0;level-id=60;sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwA8ugJA;"
        + "sprop-sps=QgEBAWAAAAMAkAAAAwAAAwA8oAoIDxZbpKTC8BAQAAADABAAAAMA8IA=;sprop-pps=RAHAcYMS"

    /// An IDR_N_LP slice (type 20) and a TRAIL_R slice (type 1), two octets of header each.
    static let idr: [UInt8] = [20 << 1, 1, 0xAF, 0x01]
    static let trail: [UInt8] = [1 << 1, 1, 0xD0, 0x02]

    static func feed(_ analyzer: inout ProbeAnalyzer, sequence: UInt16, timestamp: UInt32, marker: Bool, payload: [UInt8]) {
        let header = RTPHeader(marker: marker, payloadType: 96, sequenceNumber: sequence, timestamp: timestamp, ssrc: 7)
        let arrival = Int64(timestamp) * 1_000_000 / 90
        analyzer.rtpPacket(track: 0, header: header, payloadOctets: payload.count, arrival: arrival)
        analyzer.rtpPayload(track: 0, header: header, payload: payload, arrival: arrival)
    }

    @Test func countsFramesIRAPsAndLoss() {
        var analyzer = ProbeAnalyzer(connectStarted: 0)
        analyzer.describe([ProbeTrack(mediaType: "video", payloadType: 96, encodingName: "H265", formatParameters: Self.fmtp)])
        // 30 frames at 15 fps, an IDR every 15; sequence 20 (frame 20) is lost.
        var sequence: UInt16 = 0
        for frame in 0..<30 {
            let payload = frame % 15 == 0 ? Self.idr : Self.trail
            if frame != 20 {
                Self.feed(&analyzer, sequence: sequence, timestamp: UInt32(frame * 6_000), marker: false, payload: payload)
            }
            sequence &+= 1
            Self.feed(&analyzer, sequence: sequence, timestamp: UInt32(frame * 6_000), marker: true, payload: Self.trail)
            sequence &+= 1
        }
        let report = analyzer.report(at: 2_000_000_000)
        #expect(report.codec == "H265")
        #expect(report.width == 320 && report.height == 240)
        #expect(report.profile == "Main" && report.level == "2")
        #expect(report.frames == 30)
        #expect(report.idrFrames == 2)
        #expect(report.gop == 15)
        #expect(report.incompleteFrames == 1)
        #expect(report.fps == 15)
        #expect(report.lost == 1)
        #expect(report.ttffMs == 0)
    }
}
