import ProbeAnalysis
import RTP

/// A synthetic H.264 stream fed to a `ProbeAnalyzer`: `fps` frames a second of
/// `packetsPerFrame` packets of `payloadOctets` each, an IDR (with SPS and PPS in band)
/// every `gop` frames, on a 90 kHz clock; arrival times come from a fake clock that starts
/// at `connect` and adds `startDelay` before the first packet.
struct SyntheticStream {
    /// Baseline 320x240, 25 fps VUI timing (libx264).
    static let sps = hexBytes("6742c00dd90141fb011000000300100000030320f142a480")
    static let pps: [UInt8] = [0x68, 0xCE, 0x3C, 0x80]
    static let track = ProbeTrack(
        mediaType: "video", payloadType: 96, encodingName: "H264", clockRate: 90_000,
        formatParameters: "packetization-mode=1", control: "trackID=0")

    var fps = 25
    var gop = 25
    var packetsPerFrame = 4
    var payloadOctets = 1_000
    var connect: Int64 = 1_000_000_000
    var startDelay: Int64 = 40_000_000
    var firstSequence: UInt16 = 65_000
    var firstTimestamp: UInt32 = 0xFFFF_0000
    /// Frames before the first IDR (a stream joined mid-GOP).
    var leadingFrames = 0
    var ssrc: UInt32 = 0x1234_5678

    var frameNanoseconds: Int64 { 1_000_000_000 / Int64(fps) }
    var ticksPerFrame: UInt32 { 90_000 / UInt32(fps) }

    struct Packet {
        var header: RTPHeader
        var arrival: Int64
        var frame: Int
    }

    /// The packets of `frames` frames in send order.
    func packets(frames: Int) -> [Packet] {
        var packets: [Packet] = []
        for frame in 0..<frames {
            let time = connect + startDelay + Int64(frame) * frameNanoseconds
            for index in 0..<packetsPerFrame {
                let number = firstSequence &+ UInt16(truncatingIfNeeded: frame * packetsPerFrame + index)
                let header = RTPHeader(
                    marker: index == packetsPerFrame - 1, payloadType: 96, sequenceNumber: number,
                    timestamp: firstTimestamp &+ UInt32(frame) &* ticksPerFrame, ssrc: ssrc)
                packets.append(Packet(header: header, arrival: time + Int64(index) * 100_000, frame: frame))
            }
        }
        return packets
    }

    func isIDR(frame: Int) -> Bool { frame >= leadingFrames && (frame - leadingFrames) % gop == 0 }

    /// The NAL units of frame `frame`: SPS, PPS and an IDR slice, or a non-IDR slice.
    func nalUnits(frame: Int) -> [[UInt8]] {
        isIDR(frame: frame) ? [Self.sps, Self.pps, [0x65, 0x88, 0x84]] : [[0x41, 0x9A, 0x02]]
    }

    /// Feeds `packets` and, at each frame's last delivered packet, the access unit
    /// (complete unless one of its packets is missing from `packets`).
    func feed(_ packets: [Packet], into analyzer: inout ProbeAnalyzer) {
        var delivered: [Int: Int] = [:]
        for packet in packets { delivered[packet.frame, default: 0] += 1 }
        var seen: [Int: Int] = [:]
        for packet in packets {
            analyzer.rtpPacket(track: 0, header: packet.header, payloadOctets: payloadOctets, arrival: packet.arrival)
            seen[packet.frame, default: 0] += 1
            if seen[packet.frame] == delivered[packet.frame] {
                analyzer.accessUnit(
                    track: 0, nalUnits: nalUnits(frame: packet.frame), rtpTimestamp: packet.header.timestamp,
                    complete: delivered[packet.frame] == packetsPerFrame, arrival: packet.arrival)
            }
        }
    }

    func analyzer() -> ProbeAnalyzer {
        var analyzer = ProbeAnalyzer(connectStarted: connect)
        analyzer.describe([Self.track])
        return analyzer
    }
}

func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}
