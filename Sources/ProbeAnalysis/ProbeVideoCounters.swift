import Foundation
import H264Syntax
import H265Syntax
import RTSP

/// What the probe learns from a video track's access units (ITU-T H.264 §7.4.1.2.3): the
/// first complete IDR, frame count and timestamps for the frame rate, the GOP between
/// IDRs, and the SPS/PPS in force and how often they change.
struct ProbeVideoCounters: Sendable {
    /// GOP lengths kept for the median; older ones are dropped.
    static let maxGOPs = 256

    var clockRate: UInt32 = 90_000
    var sps: [UInt8]?
    var pps: [UInt8]?
    /// The SPS as parsed, nil until one parses.
    var parsedSPS: H264SequenceParameterSet?
    var spsError: String?
    /// True for an H.265 track (RFC 7798): NAL units are read as H.265's.
    var isH265 = false
    /// The H.265 SPS as parsed, nil for H.264 or until one parses.
    var parsedH265SPS: H265SequenceParameterSet?
    /// Times the SPS or PPS changed after the first one (SDP or in-band).
    var parameterSetChanges = 0
    var frames = 0
    var incompleteFrames = 0
    var idrFrames = 0
    var firstCompleteIDRArrival: Int64?
    /// The first access unit's timestamp, then the latest one unwrapped relative to it,
    /// and the lowest and highest unwrapped values seen (B-frames step backwards).
    var firstTimestamp: UInt32?
    var lastTimestamp: UInt32 = 0
    var unwrapped: Int64 = 0
    var lowestUnwrapped: Int64 = 0
    var highestUnwrapped: Int64 = 0
    /// Distinct timestamps seen (frames, in presentation terms) since the first.
    var timestampedFrames = 0
    /// Frames since the last IDR, nil before the first IDR.
    var framesSinceIDR: Int?
    var gopLengths: [Int] = []

    mutating func describe(_ track: ProbeTrack) {
        clockRate = track.clockRate
        if track.isH265 {
            isH265 = true
            if let fmtp = track.formatParameters { describeH265(fmtp) }
            return
        }
        guard track.isH264, let fmtp = track.formatParameters else { return }
        for nal in Self.spropParameterSets(fmtp) {
            switch nal.first.map({ H264NALHeader(rawValue: $0).type }) {
            case H264NALType.sequenceParameterSet: noteSPS(nal)
            case H264NALType.pictureParameterSet: pps = nal
            default: break
            }
        }
    }

    /// The NAL units of `sprop-parameter-sets` (RFC 6184 §8.1). Read leniently: cameras
    /// send one set only, leave out base64 padding, or add spaces; a set that does not
    /// decode is skipped.
    static func spropParameterSets(_ fmtp: String) -> [[UInt8]] {
        if let parameters = try? H264FormatParameters.parse(fmtp), !parameters.sps.isEmpty {
            return [parameters.sps, parameters.pps]
        }
        for parameter in fmtp.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "sprop-parameter-sets" else {
                continue
            }
            return pair[1].split(separator: ",").compactMap { set in
                var text = set.trimmingCharacters(in: .whitespaces)
                guard text.utf8.count <= H264FormatParameters.maximumParameterSetLength else { return nil }
                while text.utf8.count % 4 != 0 { text += "=" }
                return Data(base64Encoded: text).map { Array($0) }
            }
        }
        return []
    }

    mutating func record(nalUnits: [[UInt8]], rtpTimestamp: UInt32, complete: Bool, arrival: Int64) {
        frames += 1
        if !complete { incompleteFrames += 1 }
        var isIDR = isH265 && noteH265(nalUnits, complete: complete)
        for nal in nalUnits where !isH265 {
            guard let first = nal.first else { continue }
            switch H264NALHeader(rawValue: first).type {
            case H264NALType.idrSlice: isIDR = true
            case H264NALType.sequenceParameterSet where complete: noteSPS(nal)
            case H264NALType.pictureParameterSet where complete:
                if let pps, pps != nal { parameterSetChanges += 1 }
                pps = nal
            default: break
            }
        }
        if isIDR {
            idrFrames += 1
            if let count = framesSinceIDR {
                gopLengths.append(count)
                if gopLengths.count > Self.maxGOPs { gopLengths.removeFirst() }
            }
            framesSinceIDR = 1
            if complete, firstCompleteIDRArrival == nil, sps != nil, pps != nil { firstCompleteIDRArrival = arrival }
        } else if let count = framesSinceIDR {
            framesSinceIDR = count + 1
        }
        recordTimestamp(rtpTimestamp)
    }

    /// Counts a new presentation time; a timestamp equal to the previous one (another
    /// access unit of the same frame, or a repeat) adds nothing.
    mutating func recordTimestamp(_ timestamp: UInt32) {
        guard firstTimestamp != nil else {
            firstTimestamp = timestamp
            lastTimestamp = timestamp
            timestampedFrames = 1
            return
        }
        let step = Int64(Int32(bitPattern: timestamp &- lastTimestamp))
        guard step != 0 else { return }
        lastTimestamp = timestamp
        unwrapped += step
        lowestUnwrapped = min(lowestUnwrapped, unwrapped)
        highestUnwrapped = max(highestUnwrapped, unwrapped)
        timestampedFrames += 1
    }

    mutating func noteSPS(_ nal: [UInt8]) {
        if let sps, sps != nal { parameterSetChanges += 1 }
        sps = nal
        do {
            parsedSPS = try H264SequenceParameterSet.parse(nal)
            spsError = nil
        } catch {
            spsError = error.description
        }
    }

    /// Frames per second from the RTP timestamps: frames after the first over the span
    /// they cover; nil before two frames.
    var framesPerSecond: Double? {
        let span = highestUnwrapped - lowestUnwrapped
        guard timestampedFrames >= 2, span > 0, clockRate > 0 else { return nil }
        return Double(timestampedFrames - 1) * Double(clockRate) / Double(span)
    }

    /// The median GOP length in frames, nil before two IDRs.
    var gop: Int? {
        guard !gopLengths.isEmpty else { return nil }
        return gopLengths.sorted()[gopLengths.count / 2]
    }
}
